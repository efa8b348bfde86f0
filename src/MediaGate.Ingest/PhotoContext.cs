using System.Diagnostics;
using MediaGate.Ingest.Detect;
using MediaGate.Ingest.Mask;
using MediaGate.Ingest.Sniff;

namespace MediaGate.Ingest;

/// <summary>The state of one photo as it passes through the <see cref="IngestPipeline"/>.</summary>
public sealed class PhotoContext
{
    private readonly Dictionary<string, double> _stepMilliseconds = [];

    public PhotoContext(byte[] input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Input = input;
    }

    /// <summary>The untrusted bytes as received.</summary>
    public byte[] Input { get; }

    /// <summary>What the header says (format, size, orientation); set by the sniff step.</summary>
    public ImageHeader? Header { get; internal set; }

    /// <summary>
    /// Width of the full-size upright photo (the header's, turned by the orientation; the decoders check that the
    /// codec agrees): the pixels <see cref="Faces"/> are in, whatever size the faces were searched at.
    /// </summary>
    public int UprightWidth => Upright.Width;

    /// <summary>Height of the full-size upright photo; see <see cref="UprightWidth"/>.</summary>
    public int UprightHeight => Upright.Height;

    /// <summary>
    /// The upright pixels; set by decode and orient. After <see cref="IngestPipeline.Detect(PhotoContext, int?)"/> with a
    /// size, the reduced picture the faces were searched on; after an anonymise with a size, the reduced output, masked.
    /// </summary>
    public RgbImage? Image { get; internal set; }

    /// <summary>The DCT scale, in eighths, <see cref="Image"/> was decoded at before any resampling (8: whole).</summary>
    internal int Eighths { get; set; } = 8;

    /// <summary>Where the full-size upright photo's pixels lie in <see cref="Image"/>.</summary>
    internal Decode.PictureGeometry Geometry => Image is null ? Decode.PictureGeometry.Identity : Decode.PictureGeometry.Of(Header!, Eighths, Image.Width, Image.Height);

    /// <summary>The faces found, in pixels of the full-size upright photo; set by the detect step.</summary>
    public IReadOnlyList<DetectedFace>? Faces { get; internal set; }

    /// <summary>The masked areas; set by the mask step.</summary>
    public IReadOnlyList<MaskRegion>? Masks { get; internal set; }

    /// <summary>The metadata-free output file; set by encode, checked by verify.</summary>
    public byte[]? Output { get; internal set; }

    /// <summary>How <see cref="Output"/> was made.</summary>
    public OutputMethod? Method { get; internal set; }

    /// <summary>Wall-clock milliseconds spent in each step that ran.</summary>
    public IReadOnlyDictionary<string, double> StepMilliseconds => _stepMilliseconds;

    private (int Width, int Height) Upright => Header is { } header
        ? (header.UprightWidth, header.UprightHeight)
        : throw new InvalidOperationException("The photo has not been sniffed.");

    internal T Timed<T>(string step, Func<T> work)
    {
        long start = Stopwatch.GetTimestamp();
        try
        {
            return work();
        }
        finally
        {
            _stepMilliseconds[step] = _stepMilliseconds.GetValueOrDefault(step) + Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
    }
}
