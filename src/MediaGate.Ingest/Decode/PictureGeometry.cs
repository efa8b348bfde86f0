using MediaGate.Ingest.Detect;
using MediaGate.Ingest.Sniff;

namespace MediaGate.Ingest.Decode;

/// <summary>
/// Where a point of the full-size upright photo lies in a smaller picture of it: a JPEG decoded in the DCT at
/// <c>eighths</c>/8, made upright, then resampled to the picture's size. The DCT puts stored pixel x at exactly
/// x·e/8 and the decoded side is ceil(side·e/8), so on an axis the orientation reverses the picture starts with the
/// part of a pixel the last partial block adds: the map is x·e/8 plus that offset, then times the resampling. Mapping
/// by the ratio of the sides instead puts a box up to one decoded pixel off, which shows the edge of a face of a few
/// pixels (found attacking the scaled renders, 2026-12-07).
/// </summary>
public sealed record PictureGeometry(double ScaleX, double ScaleY, double OffsetX, double OffsetY)
{
    /// <summary>The full-size picture itself.</summary>
    public static PictureGeometry Identity { get; } = new(1, 1, 0, 0);

    /// <summary>
    /// The geometry of a picture of <paramref name="width"/> x <paramref name="height"/> made from this photo decoded
    /// at <paramref name="eighths"/>/8 (8: decoded whole) and made upright; <see cref="Identity"/> for the whole photo.
    /// </summary>
    public static PictureGeometry Of(ImageHeader header, int eighths, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentOutOfRangeException.ThrowIfLessThan(eighths, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(eighths, 8);
        int fullWidth = header.UprightWidth, fullHeight = header.UprightHeight;
        int decodedWidth = JpegDecoder.ScaledSide(fullWidth, eighths), decodedHeight = JpegDecoder.ScaledSide(fullHeight, eighths);
        double e = eighths / 8.0;

        // Upright x runs against the stored axis for orientations 2, 3, 6 and 7; upright y for 3, 4, 7 and 8.
        double offsetX = header.Orientation is 2 or 3 or 6 or 7 ? decodedWidth - (fullWidth * e) : 0;
        double offsetY = header.Orientation is 3 or 4 or 7 or 8 ? decodedHeight - (fullHeight * e) : 0;
        double rx = (double)width / decodedWidth, ry = (double)height / decodedHeight;
        return new PictureGeometry(e * rx, e * ry, offsetX * rx, offsetY * ry);
    }

    /// <summary>Whether the picture is the full size.</summary>
    public bool IsIdentity => this == Identity;

    /// <summary>A box of full-size pixels in pixels of the picture.</summary>
    public DetectedFace ToPicture(DetectedFace face)
    {
        ArgumentNullException.ThrowIfNull(face);
        return IsIdentity ? face : face with
        {
            X = (float)((face.X * ScaleX) + OffsetX), Y = (float)((face.Y * ScaleY) + OffsetY),
            Width = (float)(face.Width * ScaleX), Height = (float)(face.Height * ScaleY),
        };
    }

    /// <summary>A box of the picture's pixels in full-size pixels.</summary>
    public DetectedFace ToFullSize(DetectedFace face)
    {
        ArgumentNullException.ThrowIfNull(face);
        var (x, y, width, height) = FullSize(face.X, face.Y, face.Width, face.Height);
        return IsIdentity ? face : face with { X = x, Y = y, Width = width, Height = height };
    }

    /// <summary>A text region of the picture's pixels in full-size pixels.</summary>
    public Text.TextRegion ToFullSize(Text.TextRegion region)
    {
        var (x, y, width, height) = FullSize(region.X, region.Y, region.Width, region.Height);
        return IsIdentity ? region : region with { X = x, Y = y, Width = width, Height = height };
    }

    private (float X, float Y, float Width, float Height) FullSize(float x, float y, float width, float height) =>
        ((float)((x - OffsetX) / ScaleX), (float)((y - OffsetY) / ScaleY), (float)(width / ScaleX), (float)(height / ScaleY));
}
