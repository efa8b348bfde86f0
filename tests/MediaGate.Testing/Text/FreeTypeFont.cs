using System.Runtime.InteropServices;

namespace MediaGate.Testing.Text;

/// <summary>
/// One font file opened with Debian's FreeType (libfreetype6), rendering words to an 8-bit coverage bitmap for the
/// names painted onto test photos (issue 15). Field offsets are those of FreeType 2 on 64-bit Linux (checked with
/// offsetof against libfreetype-dev's headers: FT_FaceRec.glyph 152; FT_GlyphSlotRec.advance 128, bitmap 152,
/// bitmap_left 192, bitmap_top 196).
/// </summary>
internal sealed partial class FreeTypeFont : IDisposable
{
    private const string Library = "libfreetype.so.6";
    private const int LoadRender = 4;
    private readonly nint _library;
    private readonly nint _face;

    public FreeTypeFont(string path)
    {
        Path = path;
        Check(InitFreeType(out _library), "FT_Init_FreeType");
        if (NewFace(_library, path, 0, out _face) != 0)
        {
            DoneFreeType(_library);
            throw new InvalidOperationException($"FreeType cannot open {path}");
        }
    }

    public string Path { get; }

    /// <summary>The x-height of this font per pixel of size (the height of a rendered 'x' at 200 px, over 200).</summary>
    public double XHeightPerPixel
    {
        get
        {
            Check(SetPixelSizes(_face, 0, 200), "FT_Set_Pixel_Sizes");
            Check(LoadChar(_face, 'x', LoadRender), "FT_Load_Char");
            return ReadUInt(Glyph, 152) / 200.0;
        }
    }

    private nint Glyph => Marshal.ReadIntPtr(_face, 152);

    /// <summary>
    /// The word at <paramref name="pixelSize"/>, cropped to its ink: coverage 0..255 per pixel, row-major.
    /// </summary>
    public (byte[] Coverage, int Width, int Height) Render(string word, int pixelSize)
    {
        ArgumentNullException.ThrowIfNull(word);
        Check(SetPixelSizes(_face, 0, (uint)pixelSize), "FT_Set_Pixel_Sizes");
        int width = (pixelSize * (word.Length + 2)) + 8, height = pixelSize * 2, baseline = (pixelSize * 3) / 2;
        var canvas = new byte[width * height];
        int pen = pixelSize / 2;
        foreach (char c in word)
        {
            Check(LoadChar(_face, c, LoadRender), "FT_Load_Char");
            var slot = Glyph;
            int rows = (int)ReadUInt(slot, 152), cols = (int)ReadUInt(slot, 156), pitch = Marshal.ReadInt32(slot, 160);
            nint buffer = Marshal.ReadIntPtr(slot, 168);
            int left = Marshal.ReadInt32(slot, 192), top = Marshal.ReadInt32(slot, 196);
            var row = new byte[Math.Abs(pitch)];
            for (int r = 0; r < rows; r++)
            {
                Marshal.Copy(buffer + (r * pitch), row, 0, row.Length);
                int y = baseline - top + r;
                for (int col = 0; col < cols; col++)
                {
                    int x = pen + left + col;
                    if ((uint)x < (uint)width && (uint)y < (uint)height)
                    {
                        canvas[(y * width) + x] = Math.Max(canvas[(y * width) + x], row[col]);
                    }
                }
            }

            pen += (int)(Marshal.ReadInt64(slot, 128) >> 6);
        }

        return Crop(canvas, width, height);
    }

    public void Dispose()
    {
        DoneFace(_face);
        DoneFreeType(_library);
    }

    private static (byte[] Coverage, int Width, int Height) Crop(byte[] canvas, int width, int height)
    {
        int x0 = width, y0 = height, x1 = -1, y1 = -1;
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                if (canvas[(y * width) + x] > 64)
                {
                    x0 = Math.Min(x0, x); x1 = Math.Max(x1, x);
                    y0 = Math.Min(y0, y); y1 = Math.Max(y1, y);
                }
            }
        }

        if (x1 < 0)
        {
            return ([], 0, 0);
        }

        int w = x1 - x0 + 1, h = y1 - y0 + 1;
        var cropped = new byte[w * h];
        for (int y = 0; y < h; y++)
        {
            Array.Copy(canvas, ((y + y0) * width) + x0, cropped, y * w, w);
        }

        return (cropped, w, h);
    }

    private static uint ReadUInt(nint pointer, int offset) => unchecked((uint)Marshal.ReadInt32(pointer, offset));

    private static void Check(int error, string call)
    {
        if (error != 0)
        {
            throw new InvalidOperationException($"{call} failed with FreeType error {error}");
        }
    }

    [LibraryImport(Library, EntryPoint = "FT_Init_FreeType")]
    private static partial int InitFreeType(out nint library);

    [LibraryImport(Library, EntryPoint = "FT_New_Face", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int NewFace(nint library, string path, nint faceIndex, out nint face);

    [LibraryImport(Library, EntryPoint = "FT_Set_Pixel_Sizes")]
    private static partial int SetPixelSizes(nint face, uint width, uint height);

    [LibraryImport(Library, EntryPoint = "FT_Load_Char")]
    private static partial int LoadChar(nint face, nuint code, int flags);

    [LibraryImport(Library, EntryPoint = "FT_Done_Face")]
    private static partial int DoneFace(nint face);

    [LibraryImport(Library, EntryPoint = "FT_Done_FreeType")]
    private static partial int DoneFreeType(nint library);
}
