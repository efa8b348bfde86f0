using System.Runtime.InteropServices;

namespace MediaGate.Ingest.Interop;

/// <summary>
/// libtiff 4.5 (libtiff.so.6), only through non-variadic functions: TIFFGetField is variadic, so width, height
/// and orientation are read from IFD0 in managed code (<see cref="Sniff.TiffHeaderReader"/>).
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

    /// <summary>Fills <paramref name="raster"/> (rwidth x rheight, ABGR words = R,G,B,A bytes on little-endian).</summary>
    [LibraryImport(Library, EntryPoint = "TIFFReadRGBAImageOriented")]
    public static partial int ReadRgbaImageOriented(nint tiff, uint width, uint height, uint* raster, int orientation, int stopOnError);

    /// <summary>Passing null silences libtiff's default stderr reporting; failures still come back as return values.</summary>
    [LibraryImport(Library, EntryPoint = "TIFFSetErrorHandler")]
    public static partial nint SetErrorHandler(nint handler);

    [LibraryImport(Library, EntryPoint = "TIFFSetWarningHandler")]
    public static partial nint SetWarningHandler(nint handler);
}
