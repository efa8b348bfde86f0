using MediaGate.Ingest.Mask;
using MediaGate.Ingest.Text;

namespace MediaGate.Ingest.Tests.Text;

/// <summary>issue 15: a text region's mask covers the region and its margin, through the face masker.</summary>
[TestClass]
public sealed class TextMasksTests
{
    [TestMethod]
    [DataRow(1.5)]
    [DataRow(1.3)]
    public void AsMaskBoxes_WordBox_MaskCoversItsPaddedCorners(double faceMargin)
    {
        var region = new TextRegion(100, 50, 200, 20, 0.9f);

        var mask = FaceMasker.Plan(TextMasks.AsMaskBoxes([region], faceMargin), new MaskOptions { Margin = faceMargin }).Single();

        double pad = Math.Max(TextMasks.MinMarginPixels, 20 * TextMasks.MarginOfHeight) - 1;
        Assert.IsTrue(mask.Contains((int)(100 - pad), (int)(50 - pad)));
        Assert.IsTrue(mask.Contains((int)(300 + pad - 1), (int)(70 + pad - 1)));
        Assert.IsFalse(mask.Contains(100, 20), "a word's mask does not grow by the face margin's share of its width");
    }
}
