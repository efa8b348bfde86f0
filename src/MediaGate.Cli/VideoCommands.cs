using System.CommandLine;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json.Nodes;
using MediaGate.Ingest;
using MediaGate.Ingest.Detect;
using MediaGate.Ingest.Video;

namespace MediaGate.Cli;

/// <summary>
/// `mediagate anonymise-video CLIP... --out DIR`: every clip through the video gate (issue 14): bounds, faces
/// followed and masked, clean H.264 re-encode, read back. One JSON line per clip, an error line for a clip that
/// is refused; exit 0 when every clip succeeded, 2 when any failed, 1 for a usage or settings error.
/// Settings: the "Video" section of mediagate.json or MEDIAGATE_Video__Limits__MaxDurationSeconds=60.
/// </summary>
internal static class VideoCommands
{
    public static Command AnonymiseVideo()
    {
        var clips = new Argument<string[]>("CLIP") { Description = "MP4 or MOV files.", Arity = ArgumentArity.OneOrMore };
        var outDir = new Option<string>("--out") { Description = "Folder to write the masked MP4s to.", Required = true };
        var models = new Option<string?>("--models")
        {
            Description = "Folder of extra model files (default: $MEDIAGATE_MODELS_DIR).",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("MEDIAGATE_MODELS_DIR"),
        };
        var detector = new Option<string?>("--detector") { Description = "Model name from models/manifest.json (default: the strongest available)." };
        var keepSound = new Option<bool>("--keep-sound") { Description = "Keep the clip's sound (AAC); default: none." };
        var command = new Command("anonymise-video", "Mask every face in each clip (no consent known), drop every tag, write a clean MP4.")
        {
            clips, outDir, models, detector, keepSound,
        };
        command.Aliases.Add("anonymize-video");
        command.SetAction(parse =>
        {
            var settings = LoadSettings();
            if (settings.Error is not null)
            {
                Console.Error.WriteLine("mediagate: " + settings.Error);
                return 1;
            }

            settings.Options.KeepSound = parse.GetValue(keepSound);
            string output = parse.GetValue(outDir)!;
            string? modelsDir = parse.GetValue(models);
            if (modelsDir is { Length: > 0 } && !Directory.Exists(modelsDir))
            {
                Console.Error.WriteLine($"mediagate: The models folder '{modelsDir}' does not exist.");
                return 1;
            }

            Outcome<IFaceDetector> opened = VideoDetector.Open(modelsDir, parse.GetValue(detector));
            if (!opened.IsSuccess)
            {
                Console.Error.WriteLine("mediagate: " + opened.Failure.Message);
                return 1;
            }

            using IFaceDetector faceDetector = opened.Value;
            Console.Error.WriteLine("mediagate: face detector " + faceDetector.Name);
            Directory.CreateDirectory(output);
            var anonymiser = new VideoAnonymiser(faceDetector, settings.Options, settings.Limits);
            string[] inputs = parse.GetValue(clips)!;
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            int failed = 0;
            for (int i = 0; i < inputs.Length; i++)
            {
                string target = Path.Combine(output, UniqueName(Path.GetFileName(inputs[i]), names));
                JsonObject line = RunOne(anonymiser.Run, inputs[i], inputs[i], target, i);
                failed += line.ContainsKey("error") ? 1 : 0;
                JsonLines.Write(line);
            }

            return failed == 0 ? FileBatch.ExitOk : FileBatch.ExitSomeFilesFailed;
        });
        return command;
    }

    /// <summary>
    /// The clips of a <c>strip</c> or <c>anonymise</c> batch (issue 14: the command line takes clips too): each through the video
    /// gate as <c>anonymise-video</c> runs it, every face masked when <paramref name="mask"/>, only made clean (upright, no tag,
    /// re-encoded, verified) when not; one JSON line each (<c>"kind": "video"</c>, tracks in place of faces), after the photos'.
    /// The number that failed.
    /// </summary>
    internal static int RunClips(IReadOnlyList<InputFiles.InputFile> clips, string output, bool mask, string? modelsDir, string? detectorName)
    {
        ArgumentNullException.ThrowIfNull(clips);
        if (clips.Count == 0)
        {
            return 0;
        }

        var settings = LoadSettings();
        if (settings.Error is not null)
        {
            return Refuse(clips, "Settings", settings.Error);
        }

        IFaceDetector? detector = null;
        if (mask)
        {
            Outcome<IFaceDetector> opened = VideoDetector.Open(modelsDir, detectorName);
            if (!opened.IsSuccess)
            {
                return Refuse(clips, "Detector", opened.Failure.Message);
            }

            detector = opened.Value;
        }

        using (detector)
        {
            Directory.CreateDirectory(output);
            Func<string, string, VideoOutcome<VideoReport>> run = detector is not null
                ? new VideoAnonymiser(detector, settings.Options, settings.Limits).Run
                : (input, target) => new VideoRenderer(settings.Options, settings.Limits).Render(input, target, [], settings.Options.KeepSound);
            // Case-insensitively unique, as the photos' names are: a.MOV and a.mov must not both become a.mp4 on a disk that folds case.
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            int failed = 0;
            for (int i = 0; i < clips.Count; i++)
            {
                string target = Path.Combine(output, UniqueName(clips[i].RelativePath, names));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                JsonObject line = RunOne(run, clips[i].FullPath, clips[i].DisplayPath, target, i);
                failed += line.ContainsKey("error") ? 1 : 0;
                JsonLines.Write(line);
            }

            Console.Error.WriteLine($"mediagate: {clips.Count - failed} of {clips.Count} clips done, {failed} failed");
            return failed;
        }
    }

    private static int Refuse(IReadOnlyList<InputFiles.InputFile> clips, string kind, string message)
    {
        foreach (var clip in clips)
        {
            JsonLines.Write(Error(clip.DisplayPath, kind, message));
        }

        return clips.Count;
    }

    private static JsonObject RunOne(Func<string, string, VideoOutcome<VideoReport>> run, string input, string display, string target, int index)
    {
        // Written under a temporary name in the output folder and moved into place only once verified; an existing
        // file is never replaced (it may be another clip's output, or the input itself).
        string temp = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(target))!, string.Create(CultureInfo.InvariantCulture, $".mediagate-video-{Environment.ProcessId}-{index}.tmp"));
        try
        {
            VideoOutcome<VideoReport> result = run(input, temp);
            if (!result.IsSuccess)
            {
                return Error(display, result.Failure.Kind.ToString(), result.Failure.Message);
            }

            File.Move(temp, target, overwrite: false);
            return Line(display, target, result.Value);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Win32Exception)
        {
            return Error(display, nameof(VideoFailureKind.Io), e.Message);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>The clip's path relative to its argument (a folder walk keeps its subfolders, as photos do), as an MP4.</summary>
    private static string UniqueName(string relative, HashSet<string> taken)
    {
        string stem = Path.Combine(Path.GetDirectoryName(relative) ?? string.Empty, Path.GetFileNameWithoutExtension(relative));
        string name = stem + ".mp4";
        for (int n = 2; !taken.Add(name); n++)
        {
            name = string.Create(CultureInfo.InvariantCulture, $"{stem}-{n}.mp4");
        }

        return name;
    }

    private static JsonObject Line(string input, string output, VideoReport report)
    {
        var tracks = new JsonArray();
        foreach (FaceTrack track in report.Tracks)
        {
            TrackPoint best = track.Best;
            tracks.Add(new JsonObject
            {
                ["id"] = track.Id,
                ["first"] = Math.Round(track.FirstSeconds, 2),
                ["last"] = Math.Round(track.LastSeconds, 2),
                ["detections"] = track.Points.Count,
                ["faint"] = !track.Certain,
                ["best"] = new JsonObject
                {
                    ["t"] = Math.Round(best.Seconds, 2),
                    ["x"] = Math.Round(best.Face.X, 1),
                    ["y"] = Math.Round(best.Face.Y, 1),
                    ["w"] = Math.Round(best.Face.Width, 1),
                    ["h"] = Math.Round(best.Face.Height, 1),
                    ["score"] = Math.Round(best.Face.Score, 3),
                },
            });
        }

        return new JsonObject
        {
            ["file"] = input,
            ["out"] = output,
            ["kind"] = "video",
            ["width"] = report.Width,
            ["height"] = report.Height,
            ["seconds"] = Math.Round(report.OutputSeconds, 3),
            ["frames"] = report.Frames,
            ["sampled"] = report.Sampled,
            ["sound"] = report.Sound,
            ["rotation"] = report.Input.Rotation,
            ["tracks"] = tracks,
            ["dropped"] = new JsonArray(report.Input.Dropped.Select(d => (JsonNode)JsonValue.Create(d)!).ToArray()),
        };
    }

    private static JsonObject Error(string input, string kind, string message) => new()
    {
        ["file"] = input,
        ["kind"] = kind,
        ["error"] = message,
    };

    private static (VideoOptions Options, VideoLimits Limits, string? Error) LoadSettings()
    {
        var options = new VideoOptions();
        var limits = new VideoLimits();
        try
        {
            IConfigurationRoot configuration = new ConfigurationBuilder()
                .SetBasePath(Directory.GetCurrentDirectory())
                .AddJsonFile("mediagate.json", optional: true)
                .AddEnvironmentVariables("MEDIAGATE_")
                .Build();
            configuration.GetSection("Video:Options").Bind(options);
            configuration.GetSection("Video:Limits").Bind(limits);
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or IOException or InvalidOperationException)
        {
            return (options, limits, "Video settings: " + (e.InnerException?.Message ?? e.Message));
        }

        var errors = new List<ValidationResult>();
        bool valid = Validator.TryValidateObject(options, new ValidationContext(options), errors, validateAllProperties: true)
            & Validator.TryValidateObject(limits, new ValidationContext(limits), errors, validateAllProperties: true);
        return valid
            ? (options, limits, null)
            : (options, limits, "Invalid setting: " + string.Join("; ", errors.Select(e => $"{string.Join(",", e.MemberNames)}: {e.ErrorMessage}")));
    }
}
