using MediaGate.Ingest.Sniff;

namespace MediaGate.Ingest.Decode;

/// <summary>A decoded photo with its orientation already applied to the pixels.</summary>
/// <param name="Header">What the input's header said (format, stored size, the orientation that was applied).</param>
/// <param name="Image">The upright RGB pixels; for orientations 5..8 its width and height are the header's swapped.</param>
/// <param name="Eighths">The DCT scale the picture was decoded at, in eighths (8: whole; a JPEG read for a smaller size: less).</param>
public sealed record UprightPhoto(ImageHeader Header, RgbImage Image, int Eighths = 8)
{
    /// <summary>Where the full-size upright photo's pixels lie in <see cref="Image"/>.</summary>
    public PictureGeometry Geometry => PictureGeometry.Of(Header, Eighths, Image.Width, Image.Height);
}
