using System.Globalization;
using MediaGate.Ingest;
using MediaGate.Ingest.Decode;
using MediaGate.Ingest.Detect;
using MediaGate.Ingest.Encode;

namespace MediaGate.Benchmarks;

/// <summary>
/// `make-photos --faces DIR --out DIR [--count 6] [--width 4000 --height 3000]`: tablet-sized JPEGs for the
/// speed and memory benchmarks, made from the group photos of the evaluation set (the ones with the most
/// labelled faces), resized to the given size and encoded at quality 92 like a phone camera's output.
/// </summary>
internal static class MakePhotosCommand
{
    public static int Run(IReadOnlyList<string> args)
    {
        var arguments = BenchArguments.Parse(args);
        string? faces = arguments?.Get("faces");
        string? outDir = arguments?.Get("out");
        if (arguments is null || faces is null || outDir is null)
        {
            Console.Error.WriteLine("usage: make-photos --faces DIR --out DIR [--count 6] [--width 4000 --height 3000]");
            return 1;
        }

        int count = arguments.GetInt("count", 6);
        int width = arguments.GetInt("width", 4000);
        int height = arguments.GetInt("height", 3000);
        Directory.CreateDirectory(outDir);
        var limits = new IngestLimits { MaxPixels = 100_000_000 };
        IEnumerable<LabelledPhoto> groupPhotos = FacesDevSet.MostFaces(faces, count);
        int n = 0;
        foreach (LabelledPhoto photo in groupPhotos)
        {
            Outcome<UprightPhoto> source = PhotoReader.ReadUpright(File.ReadAllBytes(Path.Combine(faces, photo.RelativePath)), limits);
            if (!source.IsSuccess)
            {
                Console.Error.WriteLine($"{photo.RelativePath}: {source.Failure}");
                return 1;
            }

            RgbImage resized = ImageResampler.Resize(source.Value.Image, width, height);
            Outcome<byte[]> jpeg = JpegEncoder.Encode(resized, 92);
            if (!jpeg.IsSuccess)
            {
                Console.Error.WriteLine($"{photo.RelativePath}: {jpeg.Failure}");
                return 1;
            }

            string name = string.Create(CultureInfo.InvariantCulture, $"photo-{++n:D2}-{width}x{height}.jpg");
            File.WriteAllBytes(Path.Combine(outDir, name), jpeg.Value);
            Console.Error.WriteLine($"{name} <- {photo.RelativePath}");
        }

        return 0;
    }
}
