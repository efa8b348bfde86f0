using MediaGate.Ingest.Decode;
using MediaGate.Ingest.Encode;
using MediaGate.Ingest.Sniff;

namespace MediaGate.Ingest.Tests.Encode;

/// <summary>
/// What the pipeline does with a photo whose pixels need no change, for the corpus tests: strip a JPEG
/// losslessly where possible, else decode, orient and re-encode.
/// </summary>
internal static class CleanCopy
{
    public static Outcome<byte[]> Make(byte[] input, IngestLimits limits)
    {
        var header = InputGuard.Inspect(input, limits);
        if (!header.IsSuccess)
        {
            return Outcome<byte[]>.Fail(header.Failure);
        }

        if (header.Value.Format == ImageFormat.Jpeg)
        {
            var stripped = JpegLosslessStripper.Strip(input, header.Value.Orientation);
            if (stripped.IsSuccess || stripped.Failure.Kind != IngestFailureKind.EncodeFailed)
            {
                return stripped;
            }
        }

        var photo = PhotoReader.ReadUpright(input, limits);
        return photo.IsSuccess ? JpegEncoder.Encode(photo.Value.Image) : Outcome<byte[]>.Fail(photo.Failure);
    }
}
