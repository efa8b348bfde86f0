namespace MediaGate.Ingest.Sniff;

/// <summary>Reads a TIFF's size and orientation from IFD0 in managed code (TIFFGetField is variadic).</summary>
internal static class TiffHeaderReader
{
    public static Outcome<ImageHeader> Read(ReadOnlySpan<byte> tiff)
    {
        if (tiff.Length >= 4 && (tiff[2] == 0x2B || tiff[3] == 0x2B))
        {
            return Outcome<ImageHeader>.Fail(IngestFailureKind.UnsupportedFormat, "TIFF: BigTIFF is not accepted");
        }

        var ifd0 = TiffIfd0.Read(tiff);
        if (ifd0 is { SizeTagsAmbiguous: true })
        {
            return Outcome<ImageHeader>.Fail(IngestFailureKind.Corrupt, "TIFF: IFD0 repeats a size tag or gives it an unexpected type");
        }

        if (ifd0 is not { Width: { } width, Height: { } height } || width == 0 || height == 0 || width > int.MaxValue || height > int.MaxValue)
        {
            return Outcome<ImageHeader>.Fail(IngestFailureKind.Corrupt, "TIFF: IFD0 has no readable width and height");
        }

        return new ImageHeader(ImageFormat.Tiff, (int)width, (int)height, ifd0.Value.Orientation ?? 1);
    }
}
