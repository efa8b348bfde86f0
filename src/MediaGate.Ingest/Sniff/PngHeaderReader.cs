using System.Buffers.Binary;
using MediaGate.Ingest.Orient;

namespace MediaGate.Ingest.Sniff;

/// <summary>Reads a PNG's size from IHDR, which the PNG spec requires to be the first chunk.</summary>
internal static class PngHeaderReader
{
    public static Outcome<ImageHeader> Read(ReadOnlySpan<byte> png)
    {
        // 8-byte signature, then IHDR: length (13), type, width, height, ...
        if (png.Length < 8 + 8 + 13 || BinaryPrimitives.ReadUInt32BigEndian(png[8..]) != 13 || !png[12..16].SequenceEqual("IHDR"u8))
        {
            return Outcome<ImageHeader>.Fail(IngestFailureKind.Corrupt, "PNG: first chunk is not a complete IHDR");
        }

        var width = BinaryPrimitives.ReadUInt32BigEndian(png[16..]);
        var height = BinaryPrimitives.ReadUInt32BigEndian(png[20..]);
        if (width == 0 || height == 0 || width > int.MaxValue || height > int.MaxValue)
        {
            return Outcome<ImageHeader>.Fail(IngestFailureKind.Corrupt, $"PNG: IHDR declares an invalid size {width}x{height}");
        }

        return new ImageHeader(ImageFormat.Png, (int)width, (int)height, ContainerExifOrientation.FromPng(png));
    }
}
