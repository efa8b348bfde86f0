using MediaGate.Ingest.Orient;

namespace MediaGate.Ingest.Tests.Orient;

[TestClass]
public sealed class OrientationTests
{
    /// <summary>
    /// A 3x2 picture whose pixels are labelled a..f (stored order):
    /// <code>
    /// a b c
    /// d e f
    /// </code>
    /// and, per EXIF orientation, the upright picture a viewer shows (TIFF 6.0 / EXIF 2.3 tag 0x0112).
    /// </summary>
    [TestMethod]
    [DataRow(1, 3, "abc/def")]
    [DataRow(2, 3, "cba/fed")]
    [DataRow(3, 3, "fed/cba")]
    [DataRow(4, 3, "def/abc")]
    [DataRow(5, 2, "ad/be/cf")]
    [DataRow(6, 2, "da/eb/fc")]
    [DataRow(7, 2, "fc/eb/da")]
    [DataRow(8, 2, "cf/be/ad")]
    public void ApplyExif_LabelledPicture_IsUprightPixelExact(int orientation, int expectedWidth, string expectedRows)
    {
        var stored = Labelled("abc/def");

        var upright = Orientation.ApplyExif(stored, orientation);

        Assert.AreEqual(expectedWidth, upright.Width);
        CollectionAssert.AreEqual(Labelled(expectedRows).Pixels, upright.Pixels, $"orientation {orientation}");
    }

    [TestMethod]
    [DataRow(6, 8)]
    [DataRow(8, 6)]
    [DataRow(5, 5)]
    [DataRow(7, 7)]
    [DataRow(3, 3)]
    [DataRow(2, 2)]
    [DataRow(4, 4)]
    public void ApplyExif_OrientationThenItsInverse_RestoresLargeOddSizedPicture(int orientation, int inverse)
    {
        // 37x23 has long permutation cycles, unlike the 3x2 picture above.
        var original = new RgbImage(37, 23);
        new Random(5).NextBytes(original.Pixels);

        var upright = Orientation.ApplyExif(original.Clone(), orientation);
        var back = Orientation.ApplyExif(upright, inverse);

        Assert.AreEqual(37, back.Width);
        CollectionAssert.AreEqual(original.Pixels, back.Pixels);
    }

    [TestMethod]
    public void ApplyExif_RotationAboveInPlaceLimit_ReusesThePixelBufferForBoundedMemory()
    {
        // Just above the limit, with a recognisable first row that must end up as the last column.
        var image = new RgbImage(4001, 4000);
        image.Pixels.AsSpan(0, 4001 * 3).Fill(200);

        var upright = Orientation.ApplyExif(image, 6);

        Assert.IsGreaterThan(Orientation.InPlaceAbovePixels, 4001L * 4000);
        Assert.AreSame(image.Pixels, upright.Pixels);
        Assert.AreEqual(4000, upright.Width);
        Assert.AreEqual(200, upright.Pixels[((upright.Width * 1234) + 3999) * 3]);
        Assert.AreEqual(0, upright.Pixels[((upright.Width * 1234) + 3998) * 3]);
    }

    [TestMethod]
    [DataRow(2)]
    [DataRow(3)]
    [DataRow(4)]
    [DataRow(5)]
    [DataRow(6)]
    [DataRow(7)]
    [DataRow(8)]
    public void InPlace_AnyOrientation_SameAsCopy(int orientation)
    {
        var image = new RgbImage(37, 23);
        new Random(orientation).NextBytes(image.Pixels);

        var copied = Orientation.Copy(image, orientation);
        var inPlace = Orientation.InPlace(image.Clone(), orientation);

        Assert.AreEqual(copied.Width, inPlace.Width);
        CollectionAssert.AreEqual(copied.Pixels, inPlace.Pixels);
    }

    [TestMethod]
    public void ApplyExif_OrientationOne_ReturnsSameInstance()
    {
        var image = Labelled("abc/def");

        Assert.AreSame(image, Orientation.ApplyExif(image, 1));
    }

    [TestMethod]
    [DataRow(0)]
    [DataRow(9)]
    public void ApplyExif_OutOfRange_Throws(int orientation)
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Orientation.ApplyExif(Labelled("ab"), orientation));
    }

    /// <summary>Rows separated by '/', each letter one pixel whose three channels encode the letter distinctly.</summary>
    private static RgbImage Labelled(string rows)
    {
        var lines = rows.Split('/');
        var image = new RgbImage(lines[0].Length, lines.Length);
        for (var y = 0; y < lines.Length; y++)
        {
            for (var x = 0; x < lines[y].Length; x++)
            {
                var label = lines[y][x];
                var row = image.Row(y);
                row[x * 3] = (byte)label;
                row[(x * 3) + 1] = (byte)(label * 2);
                row[(x * 3) + 2] = (byte)(255 - label);
            }
        }

        return image;
    }
}
