namespace MediaGate.Ingest.Sniff;

/// <summary>
/// What the file's header says, read without decoding any pixels.
/// </summary>
/// <param name="Format">The real format, from magic bytes.</param>
/// <param name="Width">Width of the stored picture (before orientation is applied).</param>
/// <param name="Height">Height of the stored picture (before orientation is applied).</param>
/// <param name="Orientation">EXIF orientation 1..8 still to be applied to the decoded pixels; 1 when there is
/// none, and always 1 for HEIF, whose decoder applies the file's own rotation and mirroring.</param>
public sealed record ImageHeader(ImageFormat Format, int Width, int Height, int Orientation)
{
    /// <summary>The width once the EXIF orientation is applied (orientations 5 to 8 turn the picture a quarter).</summary>
    public int UprightWidth => Orientation >= 5 ? Height : Width;

    /// <summary>The height once the EXIF orientation is applied; see <see cref="UprightWidth"/>.</summary>
    public int UprightHeight => Orientation >= 5 ? Width : Height;
}
