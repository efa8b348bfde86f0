using MediaGate.Ingest.Interop;
using MediaGate.Ingest.Sniff;

namespace MediaGate.Ingest.Decode;

/// <summary>
/// Decodes any PNG (palette, grayscale, 16-bit, alpha) to 8-bit RGB through libpng's simplified API, which
/// composites alpha onto the background we give it: white. libpng sees only the chunks the picture needs
/// (<see cref="PngChunkFilter"/>), and reads IDAT row by row into buffers sized from IHDR, so compressed data
/// beyond the declared picture is never inflated into memory. A libpng warning fails the file, as a libjpeg
/// warning does: one rule, the picture is read completely and cleanly or not at all. The one exception: when libpng
/// refuses a PNG that has colour chunks (say a gAMA that contradicts its sRGB), the picture is read again without
/// them, as browsers ignore such chunks; any other fault fails the second read just the same.
/// </summary>
internal static class PngDecoder
{
    private const uint WarningBit = 0x01; // warning_or_error & 1: a warning

    public static Outcome<RgbImage> Decode(ReadOnlySpan<byte> png, ImageHeader header)
    {
        Outcome<byte[]> filtered = PngChunkFilter.Rebuild(png);
        if (!filtered.IsSuccess)
        {
            return filtered.Failure;
        }

        var decoded = DecodeFiltered(filtered.Value, header);
        if (decoded.IsSuccess)
        {
            return decoded;
        }

        Outcome<byte[]> plain = PngChunkFilter.Rebuild(png, keepColourChunks: false);
        return plain.IsSuccess && plain.Value.Length < filtered.Value.Length ? DecodeFiltered(plain.Value, header) : decoded;
    }

    private static unsafe Outcome<RgbImage> DecodeFiltered(ReadOnlySpan<byte> png, ImageHeader header)
    {
        var image = default(LibPng.PngImage);
        image.version = LibPng.ImageVersion;
        try
        {
            fixed (byte* data = png)
            {
                if (LibPng.BeginReadFromMemory(&image, data, (nuint)png.Length) == 0)
                {
                    return Outcome<RgbImage>.Fail(IngestFailureKind.Corrupt, "PNG: " + LibPng.Message(&image));
                }

                if (image.width != header.Width || image.height != header.Height)
                {
                    return Outcome<RgbImage>.Fail(
                        IngestFailureKind.Corrupt, $"PNG: decoder sees {image.width}x{image.height}, the header said {header.Width}x{header.Height}");
                }

                image.format = LibPng.FormatRgb;
                var white = new LibPng.PngColor { red = 255, green = 255, blue = 255 };
                var result = new RgbImage(header.Width, header.Height);
                fixed (byte* pixels = result.Pixels)
                {
                    if (LibPng.FinishRead(&image, &white, pixels, result.Stride, nint.Zero) == 0 || (image.warning_or_error & WarningBit) != 0)
                    {
                        return Outcome<RgbImage>.Fail(IngestFailureKind.Corrupt, "PNG: " + LibPng.Message(&image));
                    }
                }

                return result;
            }
        }
        finally
        {
            LibPng.Free(&image);
        }
    }
}
