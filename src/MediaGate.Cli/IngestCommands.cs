using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using MediaGate.Ingest;
using MediaGate.Ingest.Concurrency;
using MediaGate.Ingest.Detect;

namespace MediaGate.Cli;

/// <summary>The verbs that run photos through the gate: detect, strip, anonymise (docs: api.md, Command line).</summary>
internal static class IngestCommands
{
    public static Command Detect()
    {
        var paths = PathsArgument();
        var models = ModelsOption();
        var detector = DetectorOption();
        var command = new Command("detect", "List the faces the gate would mask, in pixels of the upright image.") { paths, models, detector };
        command.SetAction(parse => WithSettings(options =>
            WithDetector(parse.GetValue(models), parse.GetValue(detector), faceDetector =>
            {
                var pipeline = new IngestPipeline(faceDetector, options);
                var budget = new PixelBudget(options.PixelsInFlight);
                return FileBatch.Run(InputFiles.Expand(parse.GetValue(paths)!), options.Limits, Environment.ProcessorCount, (_, file, bytes) =>
                {
                    var photo = new PhotoContext(bytes);
                    using PixelBudget.Lease lease = budget.Acquire(pipeline.PixelsOf(photo));
                    Outcome<PhotoContext> outcome = pipeline.Detect(photo);
                    return outcome.IsSuccess ? DetectLine(file, photo) : JsonLines.Error(file.DisplayPath, outcome.Failure);
                });
            })));
        return command;
    }

    public static Command Strip()
    {
        var paths = PathsArgument();
        var outDir = OutOption();
        var command = new Command("strip", "Write each photo upright and free of metadata (lossless for JPEGs where possible).") { paths, outDir };
        command.SetAction(parse => WithSettings(options =>
        {
            var pipeline = new IngestPipeline(detector: null, options);
            string output = parse.GetValue(outDir)!;
            InputScan scan = InputFiles.Expand(parse.GetValue(paths)!, output, takeClips: true);
            if (scan.Problem is not null)
            {
                Console.Error.WriteLine("mediagate: " + scan.Problem);
                return 1;
            }

            var clips = TakeClips(scan);
            var outputs = new OutputFolder(output, scan);

            // Photos in parallel, one per core, within the same pixel budget as anonymise: a photo that is not a
            // JPEG (or cannot be stripped losslessly) is decoded whole, and two 49 MP TIFFs at once peaked at 700 MB.
            var budget = new PixelBudget(options.PixelsInFlight);
            int photos = RunPhotos(scan, clips, () => FileBatch.Run(scan, options.Limits, Environment.ProcessorCount, (index, file, bytes) =>
            {
                var photo = new PhotoContext(bytes);
                using PixelBudget.Lease lease = budget.Acquire(pipeline.PixelsOf(photo));
                Outcome<PhotoContext> outcome = pipeline.Strip(photo);
                if (!outcome.IsSuccess)
                {
                    return JsonLines.Error(file.DisplayPath, outcome.Failure);
                }

                string written = outputs.Write(index, photo.Output!);
                return new JsonObject
                {
                    ["file"] = file.DisplayPath,
                    ["out"] = written,
                    ["method"] = photo.Method == OutputMethod.Lossless ? "lossless" : "reencoded",
                    ["format"] = "jpeg",
                    ["steps"] = StepTimes(photo),
                };
            }));
            return Combined(photos, VideoCommands.RunClips(clips, output, mask: false, modelsDir: null, detectorName: null));
        }));
        return command;
    }

    public static Command Anonymise()
    {
        var paths = PathsArgument();
        var outDir = OutOption();
        var models = ModelsOption();
        var detector = DetectorOption();
        var maxSide = MaxSideOption();
        var command = new Command("anonymise", "Mask every detected face (no consent known), strip metadata, write JPEG.") { paths, outDir, models, detector, maxSide };
        command.Aliases.Add("anonymize");
        command.SetAction(parse => WithSettings(options =>
        {
            string output = parse.GetValue(outDir)!;
            InputScan scan = InputFiles.Expand(parse.GetValue(paths)!, output, takeClips: true);
            if (scan.Problem is not null)
            {
                Console.Error.WriteLine("mediagate: " + scan.Problem);
                return 1;
            }

            var clips = TakeClips(scan);
            var outputs = new OutputFolder(output, scan);
            int? side = parse.GetValue(maxSide);
            // Every detection is masked whatever its strength, so the second opinion (which only decides which faces
            // are certain) would change no pixel: anonymise runs without it (bench detect-profile: 190 of 545 ms of
            // detection CPU on a 117-face photo at 2048 px).
            int photos = RunPhotos(scan, clips, () => WithDetector(parse.GetValue(models), parse.GetValue(detector), useVerifier: false, faceDetector =>
            {
                var pipeline = new IngestPipeline(faceDetector, options);

                // Photos in parallel, one per core (the model runs one thread per photo), within a pixel budget
                // so that peak memory stays bounded whatever the batch holds.
                var budget = new PixelBudget(options.PixelsInFlight);
                return FileBatch.Run(scan, options.Limits, Environment.ProcessorCount, (index, file, bytes) =>
                {
                    var photo = new PhotoContext(bytes);
                    using PixelBudget.Lease lease = budget.Acquire(pipeline.PixelsOf(photo, side));
                    Outcome<PhotoContext> outcome = pipeline.Anonymise(photo, side);
                    if (!outcome.IsSuccess)
                    {
                        return JsonLines.Error(file.DisplayPath, outcome.Failure);
                    }

                    JsonObject line = DetectLine(file, photo);
                    line["out"] = outputs.Write(index, photo.Output!);
                    if (side is not null)
                    {
                        line["outWidth"] = photo.Image!.Width;
                        line["outHeight"] = photo.Image.Height;
                    }

                    return line;
                });
            }));
            return photos == 1
                ? photos
                : Combined(photos, VideoCommands.RunClips(clips, output, mask: true, parse.GetValue(models), parse.GetValue(detector)));
        }));
        return command;
    }

    /// <summary>
    /// Takes the clips (MP4/MOV by their first bytes, whatever their names) out of <paramref name="scan"/>: they go through the
    /// video gate (<see cref="VideoCommands.RunClips"/>), never the photo pipeline, and are never read whole into memory.
    /// </summary>
    private static List<InputFiles.InputFile> TakeClips(InputScan scan)
    {
        var clips = scan.Files.Where(f => f.FullPath.Length > 0 && Ingest.Video.VideoSignature.IsVideoFile(f.FullPath)).ToList();
        scan.Files.RemoveAll(clips.Contains);
        return clips;
    }

    /// <summary>Runs the photo batch unless the inputs were clips only (then there is no photo to report on).</summary>
    private static int RunPhotos(InputScan scan, List<InputFiles.InputFile> clips, Func<int> run) =>
        scan.Files.Count == 0 && clips.Count > 0 ? FileBatch.ExitOk : run();

    /// <summary>The batch's exit code: 1 when the photos' run could not start, else 2 when any file or clip failed, else 0.</summary>
    private static int Combined(int photos, int failedClips) =>
        photos != FileBatch.ExitOk ? photos : failedClips > 0 ? FileBatch.ExitSomeFilesFailed : FileBatch.ExitOk;

    private static JsonObject DetectLine(InputFiles.InputFile file, PhotoContext photo)
    {
        var faces = new JsonArray();
        foreach (DetectedFace face in photo.Faces!)
        {
            faces.Add(new JsonObject
            {
                ["x"] = Math.Round(face.X, 1),
                ["y"] = Math.Round(face.Y, 1),
                ["w"] = Math.Round(face.Width, 1),
                ["h"] = Math.Round(face.Height, 1),
                ["score"] = Math.Round(face.Score, 3),
                ["uncertain"] = face.Uncertain,
                ["faint"] = face.Uncertain,
            });
        }

        return new JsonObject
        {
            ["file"] = file.DisplayPath,
            ["width"] = photo.UprightWidth,
            ["height"] = photo.UprightHeight,
            ["faces"] = faces,
            ["ms"] = Math.Round(photo.StepMilliseconds.GetValueOrDefault("detect"), 1),
        };
    }

    private static JsonObject StepTimes(PhotoContext photo)
    {
        var steps = new JsonObject();
        foreach ((string step, double ms) in photo.StepMilliseconds)
        {
            steps[step] = Math.Round(ms, 2);
        }

        return steps;
    }

    private static int WithSettings(Func<IngestOptions, int> run)
    {
        Outcome<IngestOptions> options = CliSettings.LoadIngestOptions();
        if (!options.IsSuccess)
        {
            Console.Error.WriteLine("mediagate: " + options.Failure.Message);
            return 1;
        }

        return run(options.Value);
    }

    private static int WithDetector(string? modelsDir, string? name, Func<IFaceDetector, int> run) => WithDetector(modelsDir, name, useVerifier: true, run);

    private static int WithDetector(string? modelsDir, string? name, bool useVerifier, Func<IFaceDetector, int> run)
    {
        Outcome<IFaceDetector> detector = DetectorLoading.Load(modelsDir, name, useVerifier);
        if (!detector.IsSuccess)
        {
            Console.Error.WriteLine("mediagate: " + detector.Failure.Message);
            return 1;
        }

        using IFaceDetector faceDetector = detector.Value;
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"mediagate: face detector {faceDetector.Name}"));
        return run(faceDetector);
    }

    private static Argument<string[]> PathsArgument()
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Files or folders (walked recursively). A file whose name starts with '-' is given as ./-name.",
            Arity = ArgumentArity.OneOrMore,
        };

        // An option this verb does not have (`strip --models m a.jpg`) would otherwise be taken as a file name.
        paths.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => t.Value.StartsWith('-')))
            {
                result.AddError($"Unknown option {token.Value} for this command (a file whose name starts with '-' is given as ./{token.Value}).");
            }
        });
        return paths;
    }

    private static Option<string> OutOption() => NotEmpty(new Option<string>("--out")
    {
        Description = "Folder to write outputs to (same relative paths).",
        Required = true,
    });

    private static Option<string?> ModelsOption() => NotEmpty(new Option<string?>("--models")
    {
        Description = "Folder of extra model files (default: $MEDIAGATE_MODELS_DIR).",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("MEDIAGATE_MODELS_DIR"),
    });

    /// <summary>An empty folder name is a usage error: `--out ""` would otherwise write into the working folder.</summary>
    private static Option<T> NotEmpty<T>(Option<T> option)
    {
        option.Validators.Add(result =>
        {
            if (result.Tokens.Any(t => t.Value.Length == 0))
            {
                result.AddError($"{option.Name} needs a folder name, not an empty one.");
            }
        });
        return option;
    }

    /// <summary>Largest output side; validated here, so a bad value is a usage error (exit 1) before any file is read.</summary>
    private static Option<int?> MaxSideOption()
    {
        var option = new Option<int?>("--max-side")
        {
            Description = $"Detect at, and write, at most N pixels on the long side ({MinMaxSide} to {MaxMaxSide}); masks are applied on the full-size photo first. Default: full size.",
        };
        option.Validators.Add(result =>
        {
            // A token that is not a number is the parser's own error; reading it as a value here would throw.
            if (result.Tokens.Count == 1 && int.TryParse(result.Tokens[0].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int value)
                && value is < MinMaxSide or > MaxMaxSide)
            {
                result.AddError($"--max-side must be between {MinMaxSide} and {MaxMaxSide}, not {value}.");
            }
        });
        return option;
    }

    private const int MinMaxSide = 64;
    private const int MaxMaxSide = 65_500;

    private static Option<string?> DetectorOption() => new("--detector")
    {
        Description = "Model name from models/manifest.json (default: the strongest available).",
    };
}
