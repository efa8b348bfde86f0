using MediaGate.Ingest.Detect;

namespace MediaGate.Ingest.Tests.Detect;

[TestClass]
public sealed class ImageMirrorTests
{
    [TestMethod]
    public void Horizontal_ThreePixelRows_ReverseEachRowKeepingChannels()
    {
        var image = new RgbImage(3, 2, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18]);

        var mirrored = ImageMirror.Horizontal(image);

        CollectionAssert.AreEqual(new byte[] { 7, 8, 9, 4, 5, 6, 1, 2, 3, 16, 17, 18, 13, 14, 15, 10, 11, 12 }, mirrored.Pixels);
    }

    [TestMethod]
    public void Horizontal_Twice_GivesTheOriginalAndLeavesItUntouched()
    {
        var image = new RgbImage(5, 3);
        new Random(7).NextBytes(image.Pixels);
        var original = (byte[])image.Pixels.Clone();

        var twice = ImageMirror.Horizontal(ImageMirror.Horizontal(image));

        CollectionAssert.AreEqual(original, twice.Pixels);
        CollectionAssert.AreEqual(original, image.Pixels);
    }
}
