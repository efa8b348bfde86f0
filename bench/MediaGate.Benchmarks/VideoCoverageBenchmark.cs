using System.Diagnostics;
using System.Globalization;
using MediaGate.Ingest;
using MediaGate.Ingest.Decode;
using MediaGate.Ingest.Detect;
using MediaGate.Ingest.Mask;
using MediaGate.Ingest.Video;

namespace MediaGate.Benchmarks;

/// <summary>
/// `video-coverage` (issue 14): clips made here from labelled group photos of eval/faces-dev (a camera moving over
/// the photo: a pan, and a zoom in towards the faces), rendered frame by frame so that every labelled face's box is
/// known in every frame, encoded at 1920x1080 30 fps as MP4 (upright) and MOV (stored turned, with a rotation tag),
/// then run through <see cref="VideoAnonymiser"/> with its defaults. Prints, per clip and in all: the share of labelled
/// face-frames with a face of 40 px or more at the output size that are at least 70% covered by the masks of that
/// frame (every frame, between samples too), and false tracks (tracks none of whose detections lies on a labelled face).
/// The clips are deleted afterwards (real people: never kept).
/// </summary>
internal static class VideoCoverageBenchmark
{
    private const int Width = 1920;
    private const int Height = 1080;
    private const int Rate = 30;
    private const float MinFace = 40f;
    private const double MinCovered = 0.7;

    public static int Run(string[] args)
    {
        var parsed = BenchArguments.Parse(args);
        var faces = parsed?.Get("faces");
        var models = parsed?.Get("models");
        if (parsed is null || faces is null || models is null)
        {
            Console.Error.WriteLine("usage: video-coverage --faces DIR --models DIR [--detector NAME] [--photos 4] [--seconds 4] [--only TEXT] [--detect-side 720] [--samples 3] [--verbose 1] [--tracks 1]");
            return 1;
        }

        int photoCount = parsed.GetInt("photos", 4);
        int seconds = parsed.GetInt("seconds", 4);
        bool verbose = parsed.GetInt("verbose", 0) == 1;
        bool listTracks = parsed.GetInt("tracks", 0) == 1;
        Outcome<IFaceDetector> opened = VideoDetector.Open(models, parsed.Get("detector"));
        if (!opened.IsSuccess)
        {
            Console.Error.WriteLine(opened.Failure.Message);
            return 1;
        }

        using IFaceDetector detector = opened.Value;
        var options = new VideoOptions
        {
            DetectionShortSide = parsed.GetInt("detect-side", new VideoOptions().DetectionShortSide),
            SamplesPerSecond = parsed.GetInt("samples", (int)new VideoOptions().SamplesPerSecond),
        };
        var anonymiser = new VideoAnonymiser(detector, options, new VideoLimits());
        string work = Directory.CreateTempSubdirectory("mediagate-video-coverage-").FullName;
        try
        {
            long faceFrames = 0, masked = 0, falseTracks = 0, certainFalse = 0, people = 0, peopleCertain = 0, clips = 0;
            foreach (LabelledPhoto photo in GroupPhotos(faces, photoCount).Where(p => p.RelativePath.Contains(parsed.Get("only") ?? "", StringComparison.Ordinal)))
            {
                UprightPhoto? read = Read(Path.Combine(faces, photo.RelativePath));
                if (read is null)
                {
                    continue;
                }

                foreach (var (motion, container, turned) in new[] { ("pan", "mp4", false), ("zoom", "mov", true) })
                {
                    var camera = new Camera(read.Image.Width, read.Image.Height, motion, photo, seconds * Rate);
                    string clip = Path.Combine(work, $"{clips}.{container}");
                    Encode(read.Image, camera, clip, turned);
                    string output = Path.Combine(work, $"{clips}-out.mp4");
                    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                    VideoOutcome<VideoReport> result = anonymiser.Run(clip, output);
                    cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
                    File.Delete(clip);
                    File.Delete(output);
                    clips++;
                    if (!result.IsSuccess)
                    {
                        Console.WriteLine($"{photo.RelativePath} {motion} {container}: FAILED {result.Failure}");
                        continue;
                    }

                    var (f, m, fp, cfp, seen, seenCertain) = Score(result.Value, camera, photo, options, verbose);
                    faceFrames += f;
                    masked += m;
                    falseTracks += fp;
                    certainFalse += cfp;
                    people += seen;
                    peopleCertain += seenCertain;
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{photo.RelativePath} {motion} {container}{(turned ? " turned" : "")}: {m}/{f} face-frames masked ({Share(m, f)}), {result.Value.Tracks.Count} tracks ({result.Value.Tracks.Count(t => t.Certain)} certain), {fp} false ({cfp} certain), {seenCertain} of {seen} labelled faces certain, {result.Value.Sampled} samples, in-process CPU {cpu.TotalSeconds:0.0} s"));
                    if (listTracks)
                    {
                        foreach (FaceTrack t in result.Value.Tracks)
                        {
                            Console.WriteLine("  " + TrackLine(t));
                        }
                    }
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"all: {masked}/{faceFrames} labelled face-frames of {MinFace} px and more at the output size masked ({Share(masked, faceFrames)}); false tracks {falseTracks} in {clips} clips ({(clips == 0 ? 0 : falseTracks / (double)clips):0.00} per clip), {certainFalse} of them certain ({(clips == 0 ? 0 : certainFalse / (double)clips):0.00} per clip); labelled faces found by a certain track: {peopleCertain} of {people} on screen at {MinFace} px and more"));
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>One track as a line (--tracks 1): id, certain or faint, its samples and the samples whose detection is certain,
    /// so that two runs' lists can be compared with diff.</summary>
    internal static string TrackLine(FaceTrack t) => string.Create(CultureInfo.InvariantCulture,
        $"track {t.Id} {(t.Certain ? "certain" : "faint")}: {t.Points.Count} detections, frames {t.Points[0].Frame}-{t.Points[^1].Frame}, certain at [{string.Join(",", t.Points.Where(p => !p.Face.Uncertain).Select(p => p.Frame))}]");

    /// <summary>Photos with at least four labelled faces that the camera shows at 40 px or more, spread over the set.</summary>
    private static List<LabelledPhoto> GroupPhotos(string folder, int count)
    {
        var group = FacesDevSet.Load(folder)
            .Where(p => p.Faces.Count(f => !f.Invalid && f.Size >= 24) >= 4)
            .ToList();
        int step = Math.Max(1, group.Count / Math.Max(1, count));
        return group.Where((_, i) => i % step == 0).Take(count).ToList();
    }

    private static UprightPhoto? Read(string path)
    {
        Outcome<UprightPhoto> photo = PhotoReader.ReadUpright(File.ReadAllBytes(path), new IngestLimits());
        return photo.IsSuccess ? photo.Value : null;
    }

    private static (long FaceFrames, long Masked, long FalseTracks, long CertainFalse, long People, long PeopleCertain) Score(VideoReport report, Camera camera, LabelledPhoto photo, VideoOptions options, bool verbose)
    {
        float toOutput = report.Width / (float)Width;
        long faceFrames = 0, masked = 0;
        var mask = new MaskOptions();
        int stride = Math.Max(1, (int)Math.Round(Rate / options.SamplesPerSecond));

        // Which track found which labelled face at which sample: the breakdown of the misses below.
        var found = new Dictionary<(int Frame, int Label), List<int>>();
        var labels = photo.Faces.Where(f => !f.Invalid).ToList();
        foreach (FaceTrack t in report.Tracks)
        {
            foreach (TrackPoint p in t.Points)
            {
                for (int l = 0; l < labels.Count; l++)
                {
                    if (OnFace(camera.InFrame(labels[l].Box, p.Frame).ToImage(0, 0, 1f / toOutput), p.Face))
                    {
                        (found.TryGetValue((p.Frame, l), out var ids) ? ids : found[(p.Frame, l)] = []).Add(t.Id);
                    }
                }
            }
        }

        var why = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var missedBy = new SortedDictionary<int, int>();
        var onScreen = new HashSet<int>();
        for (int frame = 0; frame < report.Frames; frame++)
        {
            var regions = TrackMasks.Plan(report.Tracks, frame / (double)Rate, options.LeadSeconds, mask);
            for (int l = 0; l < labels.Count; l++)
            {
                FaceBox box = camera.InFrame(labels[l].Box, frame).ToImage(0, 0, 1f / toOutput);
                if (box.X < 0 || box.Y < 0 || box.Right > report.Width || box.Bottom > report.Height || Math.Min(box.Width, box.Height) < MinFace)
                {
                    continue;
                }

                faceFrames++;
                onScreen.Add(l);
                if (Covered(regions, box) >= MinCovered)
                {
                    masked++;
                    continue;
                }

                string reason = Miss(found, l, frame, stride, report.Frames);
                why[reason] = why.GetValueOrDefault(reason) + 1;
                missedBy[l] = missedBy.GetValueOrDefault(l) + 1;
                if (verbose)
                {
                    // The missed face-frame, how much of it the masks cover, and the track box nearest to it then.
                    var near = report.Tracks.Select(t => t.At(frame / (double)Rate, options.LeadSeconds)).OfType<DetectedFace>()
                        .OrderByDescending(f => new FaceBox(f.X, f.Y, f.Width, f.Height).IntersectionOverUnion(box)).FirstOrDefault();
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  missed face {l} at frame {frame}: label {box.X:0},{box.Y:0} {box.Width:0}x{box.Height:0} covered {Covered(regions, box):0.00}; nearest track box {(near is null ? "none" : $"{near.X:0},{near.Y:0} {near.Width:0}x{near.Height:0}")}"));
                }
            }
        }

        if (why.Count > 0)
        {
            Console.WriteLine("  missed: " + string.Join(", ", why.Select(w => $"{w.Key} {w.Value}")) + "; by labelled face: " + string.Join(", ", missedBy.Select(m => $"{m.Key} {m.Value}")));
        }

        if (verbose)
        {
            // Per labelled face, per sample: its size at the output ('-' off screen or under 40 px) and the tracks that found it.
            for (int l = 0; l < labels.Count; l++)
            {
                var cells = new List<string>();
                for (int frame = 0; frame < report.Frames; frame += stride)
                {
                    FaceBox box = camera.InFrame(labels[l].Box, frame).ToImage(0, 0, 1f / toOutput);
                    bool shown = !(box.X < 0 || box.Y < 0 || box.Right > report.Width || box.Bottom > report.Height || Math.Min(box.Width, box.Height) < MinFace);
                    string ids = found.TryGetValue((frame, l), out var t) ? string.Join("+", t) : ".";
                    cells.Add(shown ? string.Create(CultureInfo.InvariantCulture, $"{box.Width:0}:{ids}") : "-" + (ids == "." ? "" : ids));
                }

                Console.WriteLine($"  face {l}: " + string.Join(" ", cells));
            }
        }

        // A track is false when none of its detections lies on a labelled face (any size, invalid ones too): the
        // detection's centre inside the label grown 1.5x, or half the label inside the detection.
        var falseTracks = report.Tracks.Where(t => !t.Points.Any(p => photo.Faces.Any(f => OnFace(camera.InFrame(f.Box, p.Frame).ToImage(0, 0, 1f / toOutput), p.Face)))).ToList();
        if (verbose)
        {
            foreach (FaceTrack t in falseTracks)
            {
                TrackPoint b = t.Best;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  false track {t.Id}: {t.Points.Count} detections, frames {t.Points[0].Frame}-{t.Points[^1].Frame}, best at frame {b.Frame} ({b.Face.X:0},{b.Face.Y:0} {b.Face.Width:0}x{b.Face.Height:0}) score {b.Face.Score:0.00}{(t.Certain ? " certain" : " faint")}"));
            }
        }

        // A labelled face on screen at 40 px or more is found as a certain face when a certain track lies on it at some sample
        // (what the consent rules count); the rest were masked as faint, or missed.
        var certainIds = report.Tracks.Where(t => t.Certain).Select(t => t.Id).ToHashSet();
        long certainPeople = onScreen.Count(l => found.Any(e => e.Key.Label == l && e.Value.Any(certainIds.Contains)));
        return (faceFrames, masked, falseTracks.Count, falseTracks.Count(t => t.Certain), onScreen.Count, certainPeople);
    }

    /// <summary>
    /// Why a face-frame was not masked, from the samples around it: "undetected" (neither sample found the face),
    /// "one-side" (only the sample before or after did: a track's start or end, or a missed sample), "broken" (both did,
    /// in different tracks), "between" (one track on both sides: its interpolated mask lags or is too small).
    /// </summary>
    private static string Miss(Dictionary<(int Frame, int Label), List<int>> found, int label, int frame, int stride, int frames)
    {
        int before = frame / stride * stride;
        int after = before == frame ? frame : Math.Min(before + stride, (frames - 1) / stride * stride);
        var a = found.GetValueOrDefault((before, label));
        var b = found.GetValueOrDefault((after, label));
        return (a, b) switch
        {
            (null, null) => "undetected",
            (null, _) or (_, null) => "one-side",
            _ when a.Intersect(b).Any() => before == after ? "at-sample" : "between",
            _ => "broken",
        };
    }

    private static bool OnFace(FaceBox label, DetectedFace found)
    {
        var box = new FaceBox(found.X, found.Y, found.Width, found.Height);
        FaceBox grown = label.Grow(1.5f);
        float cx = found.X + (found.Width / 2), cy = found.Y + (found.Height / 2);
        return (cx >= grown.X && cx <= grown.Right && cy >= grown.Y && cy <= grown.Bottom) || box.Covers(label) >= 0.5f;
    }

    /// <summary>Share of the box's pixel centres inside some mask.</summary>
    private static double Covered(IReadOnlyList<MaskRegion> regions, FaceBox box)
    {
        int x0 = (int)MathF.Floor(box.X), y0 = (int)MathF.Floor(box.Y);
        int x1 = (int)MathF.Ceiling(box.Right), y1 = (int)MathF.Ceiling(box.Bottom);
        int inside = 0, all = 0;
        for (int y = y0; y < y1; y++)
        {
            for (int x = x0; x < x1; x++)
            {
                all++;
                inside += regions.Any(r => r.Contains(x, y)) ? 1 : 0;
            }
        }

        return all == 0 ? 0 : inside / (double)all;
    }

    /// <summary>Renders every frame (bilinear) and pipes it to ffmpeg; tagged as a phone would (GPS, device, date). Turned:
    /// stored a quarter turn clockwise, then copied with a tag saying "turn clockwise to show" (ffmpeg 5.1 writes the
    /// rotation tag only on a copy), as a phone held upright writes.</summary>
    private static void Encode(RgbImage photo, Camera camera, string path, bool turned)
    {
        string encoded = turned ? path + ".stored.mp4" : path;
        string[] arguments =
        [
            "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", $"{Width}x{Height}", "-framerate", $"{Rate}", "-i", "pipe:0",
            .. turned ? (string[])["-vf", "transpose=1"] : [],
            "-metadata", "location=+51.5074-000.1278/", "-metadata", "creation_time=2026-01-01T10:00:00Z", "-metadata", "make=Apple", "-metadata", "model=iPad",
            "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", encoded,
        ];
        var frame = new RgbImage(Width, Height);
        Ffmpeg(arguments, input =>
        {
            for (int i = 0; i < camera.Frames; i++)
            {
                camera.Render(photo, i, frame);
                input.Write(frame.Pixels);
            }
        });
        if (turned)
        {
            Ffmpeg(["-i", encoded, "-c", "copy", "-map_metadata", "0", "-metadata:s:v:0", "rotate=90", path], null);
            File.Delete(encoded);
        }
    }

    private static void Ffmpeg(string[] arguments, Action<Stream>? feed)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardInput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in new[] { "-nostdin", "-v", "error", "-y" }.Concat(arguments))
        {
            start.ArgumentList.Add(a);
        }

        using Process process = Process.Start(start)!;
        Task<string> errors = process.StandardError.ReadToEndAsync();
        feed?.Invoke(process.StandardInput.BaseStream);
        process.StandardInput.Close();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("ffmpeg: " + errors.Result);
        }
    }

    private static string Share(long part, long whole) => whole == 0 ? "n/a" : (100.0 * part / whole).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>
    /// The window of the photo each frame shows (16:9, in photo pixels): "pan" a window of 70% of the largest one moving
    /// from the top-left corner to the bottom-right; "zoom" from the largest window, centred, to 45% of it around the
    /// labelled faces' middle.
    /// </summary>
    private sealed class Camera(int photoWidth, int photoHeight, string motion, LabelledPhoto photo, int frames)
    {
        private readonly float _fullWidth = Math.Min(photoWidth, photoHeight * 16f / 9f);
        private readonly (float X, float Y) _faces = (photo.Faces.Average(f => f.Box.X + (f.Box.Width / 2)), photo.Faces.Average(f => f.Box.Y + (f.Box.Height / 2)));

        public int Frames => frames;

        public (float X, float Y, float W, float H) Window(int frame)
        {
            float t = frames <= 1 ? 0 : frame / (float)(frames - 1);
            if (motion == "pan")
            {
                float w = _fullWidth * 0.7f, h = w * 9f / 16f;
                return ((photoWidth - w) * t, (photoHeight - h) * t, w, h);
            }

            float zw = _fullWidth * (1f - (0.55f * t)), zh = zw * 9f / 16f;
            float cx = (photoWidth / 2f) + ((_faces.X - (photoWidth / 2f)) * t);
            float cy = (photoHeight / 2f) + ((_faces.Y - (photoHeight / 2f)) * t);
            return (Math.Clamp(cx - (zw / 2), 0, photoWidth - zw), Math.Clamp(cy - (zh / 2), 0, photoHeight - zh), zw, zh);
        }

        public FaceBox InFrame(FaceBox box, int frame)
        {
            var (x, y, w, h) = Window(frame);
            float sx = Width / w, sy = Height / h;
            return new FaceBox((box.X - x) * sx, (box.Y - y) * sy, box.Width * sx, box.Height * sy);
        }

        public void Render(RgbImage photo, int frame, RgbImage into)
        {
            var (x, y, w, h) = Window(frame);
            float sx = w / Width, sy = h / Height;
            byte[] src = photo.Pixels;
            byte[] dst = into.Pixels;
            Parallel.For(0, Height, row =>
            {
                float py = Math.Clamp(y + ((row + 0.5f) * sy) - 0.5f, 0, photo.Height - 1.001f);
                int y0 = (int)py;
                float fy = py - y0;
                for (int col = 0; col < Width; col++)
                {
                    float px = Math.Clamp(x + ((col + 0.5f) * sx) - 0.5f, 0, photo.Width - 1.001f);
                    int x0 = (int)px;
                    float fx = px - x0;
                    int a = ((y0 * photo.Width) + x0) * 3, b = a + (photo.Width * 3);
                    int o = ((row * Width) + col) * 3;
                    for (int c = 0; c < 3; c++)
                    {
                        float top = src[a + c] + ((src[a + 3 + c] - src[a + c]) * fx);
                        float bottom = src[b + c] + ((src[b + 3 + c] - src[b + c]) * fx);
                        dst[o + c] = (byte)(top + ((bottom - top) * fy) + 0.5f);
                    }
                }
            });
        }
    }
}
