using System.Globalization;
using MediaGate.Ingest;
using MediaGate.Ingest.Decode;
using MediaGate.Ingest.Detect;
using MediaGate.Ingest.Encode;

namespace MediaGate.Benchmarks;

/// <summary>
/// `maxside-recall --faces DIR --models DIR [--count 30] [--width 4000 --height 3000] [--max-side 2048]`: masked recall of
/// detection at the rendition size on tablet-sized photos. The evaluation set's group photos (the most labelled faces
/// first, as `make-photos` picks them) are resized to the given size and encoded at quality 92 in memory, run through the
/// pipeline's detection for <c>--max-side</c> (the service's and `anonymise --max-side`'s), and each valid labelled face,
/// scaled with its photo, counts as masked when a detection's mask covers 70% of it (as `recall` counts). Faces are
/// bucketed by their size at <c>--max-side</c> on the long side. Prints a markdown table; asserts nothing.
/// </summary>
internal static class MaxSideRecallBenchmark
{
    public static int Run(IReadOnlyList<string> args)
    {
        var arguments = BenchArguments.Parse(args);
        string? faces = arguments?.Get("faces");
        if (arguments is null || faces is null)
        {
            Console.Error.WriteLine("usage: maxside-recall --faces DIR --models DIR [--count 30] [--width 4000 --height 3000] [--max-side 2048]");
            return 1;
        }

        int count = arguments.GetInt("count", 30);
        int width = arguments.GetInt("width", 4000);
        int height = arguments.GetInt("height", 3000);
        int maxSide = arguments.GetInt("max-side", 2048);
        Outcome<IFaceDetector> opened = FaceDetectorFactory.Open(arguments.Get("models"), null, new DetectorOptions { UseVerifier = false });
        if (!opened.IsSuccess)
        {
            Console.Error.WriteLine(opened.Failure.ToString());
            return 1;
        }

        using IFaceDetector detector = opened.Value;
        var pipeline = new IngestPipeline(detector, new IngestOptions());
        var limits = new IngestLimits { MaxPixels = 100_000_000 };
        var card = new DetectorScorecard(detector.Name);
        int searchedWidth = 0, searchedHeight = 0, detections = 0;
        foreach (LabelledPhoto photo in FacesDevSet.MostFaces(faces, count))
        {
            RgbImage source = PhotoReader.ReadUpright(File.ReadAllBytes(Path.Combine(faces, photo.RelativePath)), limits).Value.Image;
            byte[] jpeg = JpegEncoder.Encode(ImageResampler.Resize(source, width, height), 92).Value;
            Outcome<PhotoContext> detected = pipeline.Detect(new PhotoContext(jpeg), maxSide);
            if (!detected.IsSuccess)
            {
                Console.Error.WriteLine($"{photo.RelativePath}: {detected.Failure}");
                return 1;
            }

            (searchedWidth, searchedHeight) = (detected.Value.Image!.Width, detected.Value.Image.Height);

            // Labels and detections both at the size the faces are bucketed at: the photo's long side at --max-side.
            double toBucket = (double)maxSide / Math.Max(width, height);
            float sx = (float)(width * toBucket / source.Width), sy = (float)(height * toBucket / source.Height);
            var scaled = new LabelledPhoto(photo.RelativePath, photo.Faces.Select(f => f with
            {
                Box = new FaceBox(f.Box.X * sx, f.Box.Y * sy, f.Box.Width * sx, f.Box.Height * sy),
            }).ToList());
            var found = detected.Value.Faces!.Select(f => f with
            {
                X = (float)(f.X * toBucket), Y = (float)(f.Y * toBucket), Width = (float)(f.Width * toBucket), Height = (float)(f.Height * toBucket),
            }).ToList();
            card.Add(scaled, found, 0, 0);
            detections += found.Count;
        }

        var c = CultureInfo.InvariantCulture;
        Console.WriteLine($"{detector.Name}; {count} photos at {width}x{height}; detection for --max-side {maxSide} searched {searchedWidth}x{searchedHeight}; face sizes at {maxSide} px");
        Console.WriteLine();
        Console.WriteLine("| faces (size at the rendition) | masked |");
        Console.WriteLine("|---|---|");
        for (int b = 0; b < DetectorScorecard.BucketNames.Length; b++)
        {
            var (masked, total) = card.Recall(0f, b, b);
            Console.WriteLine(string.Create(c, $"| {DetectorScorecard.BucketNames[b]} px | {masked} of {total} ({(total == 0 ? 0 : 100.0 * masked / total):F1}%) |"));
        }

        Console.WriteLine(string.Create(c, $"| detections (all strengths) | {detections} |"));
        return 0;
    }
}
