using MediaGate.Ingest.Sniff;

namespace MediaGate.Ingest.Encode;

/// <summary>
/// A metadata-free JPEG without decoding to pixels (product.md, Metadata): the image data alone
/// (<see cref="JpegImageData"/>) goes through libjpeg's transcoder (<see cref="LosslessTransform"/>), which
/// writes the DCT coefficients again, upright, with no marker copied; then a colour profile that is a real
/// ICC profile (<see cref="IccProfile"/>) is put back. A rotation that cannot be done perfectly (partial
/// MCUs at the edges) fails with <see cref="IngestFailureKind.EncodeFailed"/>: the caller then decodes,
/// orients and re-encodes instead.
/// </summary>
public static class JpegLosslessStripper
{
    public static Outcome<byte[]> Strip(ReadOnlySpan<byte> jpeg, int orientation)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(orientation, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(orientation, 8);
        var parts = JpegImageData.Extract(jpeg);
        if (!parts.IsSuccess)
        {
            return Outcome<byte[]>.Fail(parts.Failure);
        }

        var transcoded = LosslessTransform.Apply(parts.Value.ImageData, orientation);
        if (!transcoded.IsSuccess || parts.Value.IccProfile is not { } profile)
        {
            return transcoded;
        }

        return InsertAfterHeader(transcoded.Value, IccProfile.ToSegments(profile));
    }

    /// <summary>Inserts segments after SOI and the JFIF APP0 or Adobe APP14 libjpeg writes first.</summary>
    private static byte[] InsertAfterHeader(byte[] jpeg, byte[] extraSegments)
    {
        var position = 2;
        while (position + 4 <= jpeg.Length && jpeg[position] == 0xFF && jpeg[position + 1] is JpegSegment.App0 or JpegSegment.App14)
        {
            position += 2 + ((jpeg[position + 2] << 8) | jpeg[position + 3]);
        }

        return [.. jpeg.AsSpan(0, position), .. extraSegments, .. jpeg.AsSpan(position)];
    }
}
