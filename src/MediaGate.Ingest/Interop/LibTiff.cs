using System.Runtime.InteropServices;

namespace MediaGate.Ingest.Interop;

/// <summary>
/// libtiff 4.5 (libtiff.so.6), only through non-variadic functions (TIFFGetField is variadic): the size and
/// orientation libtiff will decode come from the TIFFRGBAImage struct that TIFFRGBAImageBegin fills.
/// </summary>
internal static unsafe partial class LibTiff
{
    private const string Library = "libtiff.so.6";

    [LibraryImport(Library, EntryPoint = "TIFFClientOpen", StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint ClientOpen(
        string name,
        string mode,
        nint clientData,
        delegate* unmanaged<nint, byte*, nint, nint> readProc,
        delegate* unmanaged<nint, byte*, nint, nint> writeProc,
        delegate* unmanaged<nint, ulong, int, ulong> seekProc,
        delegate* unmanaged<nint, int> closeProc,
        delegate* unmanaged<nint, ulong> sizeProc,
        delegate* unmanaged<nint, byte**, ulong*, int> mapProc,
        delegate* unmanaged<nint, byte*, ulong, void> unmapProc);

    [LibraryImport(Library, EntryPoint = "TIFFClose")]
    public static partial void Close(nint tiff);

    /// <summary>Reads the directory's size, orientation and sample layout into <paramref name="image"/>; 1 on success.</summary>
    [LibraryImport(Library, EntryPoint = "TIFFRGBAImageBegin")]
    public static partial int RgbaImageBegin(RgbaImage* image, nint tiff, int stopOnError, byte* errorMessage1024);

    /// <summary>Fills <paramref name="raster"/> (width x height, ABGR words = R,G,B,A bytes on little-endian).</summary>
    [LibraryImport(Library, EntryPoint = "TIFFRGBAImageGet")]
    public static partial int RgbaImageGet(RgbaImage* image, uint* raster, uint width, uint height);

    [LibraryImport(Library, EntryPoint = "TIFFRGBAImageEnd")]
    public static partial void RgbaImageEnd(RgbaImage* image);

    /// <summary>Non-zero when the directory is organised in tiles rather than strips.</summary>
    [LibraryImport(Library, EntryPoint = "TIFFIsTiled")]
    public static partial int IsTiled(nint tiff);

    /// <summary>Bytes of one decoded strip (rows per strip x scanline size).</summary>
    [LibraryImport(Library, EntryPoint = "TIFFStripSize")]
    public static partial long StripSize(nint tiff);

    /// <summary>Bytes of one decoded tile.</summary>
    [LibraryImport(Library, EntryPoint = "TIFFTileSize")]
    public static partial long TileSize(nint tiff);

    /// <summary>Bytes of one decoded row.</summary>
    [LibraryImport(Library, EntryPoint = "TIFFScanlineSize")]
    public static partial long ScanlineSize(nint tiff);

    /// <summary>Decodes row <paramref name="row"/> (rows in order) into <paramref name="buffer"/>; 1 on success, -1 on error.</summary>
    [LibraryImport(Library, EntryPoint = "TIFFReadScanline")]
    public static partial int ReadScanline(nint tiff, byte* buffer, uint row, ushort sample);

    /// <summary>Passing null silences libtiff's default stderr reporting; failures still come back as return values.</summary>
    [LibraryImport(Library, EntryPoint = "TIFFSetErrorHandler")]
    public static partial nint SetErrorHandler(nint handler);

    [LibraryImport(Library, EntryPoint = "TIFFSetWarningHandler")]
    public static partial nint SetWarningHandler(nint handler);

    /// <summary>
    /// TIFFRGBAImage (tiffio.h, libtiff 4.x): the leading fields MediaGate reads, at their offsets on 64-bit
    /// platforms; the rest (colour maps, routines) is libtiff's, in the reserved space (the struct is under 200 bytes).
    /// </summary>
    [StructLayout(LayoutKind.Explicit, Size = 512)]
    public struct RgbaImage
    {
        [FieldOffset(12)]
        public int isContig;

        [FieldOffset(16)]
        public int alpha;

        [FieldOffset(20)]
        public uint width;

        [FieldOffset(24)]
        public uint height;

        [FieldOffset(32)]
        public ushort orientation;

        [FieldOffset(28)]
        public ushort bitspersample;

        [FieldOffset(30)]
        public ushort samplesperpixel;

        [FieldOffset(34)]
        public ushort req_orientation;

        [FieldOffset(36)]
        public ushort photometric;
    }
}
