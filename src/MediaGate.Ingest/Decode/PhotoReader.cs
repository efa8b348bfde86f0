using MediaGate.Ingest.Orient;
using MediaGate.Ingest.Sniff;

namespace MediaGate.Ingest.Decode;

/// <summary>
/// Inspect, decode, make upright: the one call the pipeline, the CLI and face detection use to read a photo
/// (product.md, Metadata: "The picture is made upright first").
/// </summary>
public static class PhotoReader
{
    public static Outcome<UprightPhoto> ReadUpright(ReadOnlySpan<byte> bytes, IngestLimits limits)
    {
        var header = InputGuard.Inspect(bytes, limits);
        if (!header.IsSuccess)
        {
            return Outcome<UprightPhoto>.Fail(header.Failure);
        }

        var image = ImageDecoder.Decode(bytes, header.Value);
        if (!image.IsSuccess)
        {
            return Outcome<UprightPhoto>.Fail(image.Failure);
        }

        return new UprightPhoto(header.Value, Orientation.ApplyExif(image.Value, header.Value.Orientation));
    }
}
