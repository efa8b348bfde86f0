using MediaGate.Ingest.Interop;
using MediaGate.Ingest.Sniff;

namespace MediaGate.Ingest.Decode;

/// <summary>
/// Decodes any PNG (palette, grayscale, 16-bit, alpha) to 8-bit RGB through libpng's simplified API, which
/// composites alpha onto the background we give it: white.
/// </summary>
internal static class PngDecoder
{
    public static unsafe Outcome<RgbImage> Decode(ReadOnlySpan<byte> png, ImageHeader header)
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
                    if (LibPng.FinishRead(&image, &white, pixels, result.Stride, nint.Zero) == 0)
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
