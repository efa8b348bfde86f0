namespace MediaGate.Testing.Service;

/// <summary>
/// Says, on the pixels, whether a face is masked in a rendition: the rendition is compared with the master the
/// manager sees (scaled to the rendition's size) over the central 60% of the face box, against the difference over
/// the rest of the picture (what re-encoding and scaling alone change). A face shown as is differs from the master
/// no more than the background does (tolerance: twice the background difference plus 8 levels); a masked face
/// is filled from the colours around it (product.md, Masking), so it differs by far more (over twice the background
/// difference plus 10 levels). A face between the two bounds is neither: both checks fail, and the message shows the numbers.
/// </summary>
internal sealed class FacePixels
{
    private const double ShownSlack = 8;
    private const double MaskedMargin = 10;
    private readonly RgbImage _master;
    private readonly RgbImage _rendition;
    private readonly double _background;

    public FacePixels(byte[] masterJpeg, byte[] renditionJpeg, IReadOnlyList<FaceView> faces)
    {
        ArgumentNullException.ThrowIfNull(faces);
        _master = RgbImage.FromJpeg(masterJpeg);
        _rendition = RgbImage.FromJpeg(renditionJpeg);
        _background = _rendition.MeanDifferenceOutside(_master, faces.Select(f => PixelBox.Of(f).Grown(1.8)).ToList());
    }

    public (int Width, int Height) RenditionSize => (_rendition.Width, _rendition.Height);

    public (int Width, int Height) MasterSize => (_master.Width, _master.Height);

    public double Difference(FaceView face) => _rendition.MeanDifference(_master, PixelBox.Of(face).Core(0.6));

    public bool IsShown(FaceView face) => Difference(face) <= (2 * _background) + ShownSlack;

    public bool IsMasked(FaceView face) => Difference(face) > (2 * _background) + MaskedMargin;

    public string Describe(FaceView face) =>
        $"face at ({face.X:0},{face.Y:0},{face.W:0}x{face.H:0}): difference {Difference(face):0.0} vs background {_background:0.0} " +
        $"(shown <= {(2 * _background) + ShownSlack:0.0}, masked > {(2 * _background) + MaskedMargin:0.0}); master {_master.Width}x{_master.Height}, rendition {_rendition.Width}x{_rendition.Height}";
}
