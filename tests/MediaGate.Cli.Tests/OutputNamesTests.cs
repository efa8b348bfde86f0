namespace MediaGate.Cli.Tests;

[TestClass]
public sealed class OutputNamesTests
{
    [TestMethod]
    public void For_PngAlone_BecomesJpg()
    {
        var names = new OutputNames(["sub/a.png"]);

        Assert.AreEqual("sub/a.jpg", names.For(0));
    }

    [TestMethod]
    public void For_JpegName_KeepsItsName()
    {
        var names = new OutputNames(["b.JPEG"]);

        Assert.AreEqual("b.JPEG", names.For(0));
    }

    [TestMethod]
    public void For_PngBesideJpgOfSameName_KeepsOldExtensionInFront()
    {
        var names = new OutputNames(["a.jpg", "a.png", "a.heic"]);

        Assert.AreEqual("a.jpg", names.For(0));
        Assert.AreEqual("a.png.jpg", names.For(1));
        Assert.AreEqual("a.heic.jpg", names.For(2));
    }

    /// <summary>Regression: `strip t1/IMG_0001.jpg t2/IMG_0001.jpg` gave both inputs one output (and one temporary file).</summary>
    [TestMethod]
    public void For_TwoInputsWithTheSameFileName_GetDifferentNamesInInputOrder()
    {
        var names = new OutputNames(["IMG_0001.jpg", "IMG_0001.jpg", "img_0001.JPG"]);

        Assert.AreEqual("IMG_0001.jpg", names.For(0));
        Assert.AreEqual("IMG_0001-2.jpg", names.For(1));
        Assert.AreEqual("img_0001-3.JPG", names.For(2));
    }

    [TestMethod]
    public void For_SuffixedNameThatAnotherInputHas_LeavesThatInputItsOwnName()
    {
        var names = new OutputNames(["a.jpg", "a.jpg", "a-2.jpg"]);

        Assert.AreEqual("a.jpg", names.For(0));
        Assert.AreEqual("a-3.jpg", names.For(1));
        Assert.AreEqual("a-2.jpg", names.For(2));
    }

    [TestMethod]
    public void For_PngNameHoldingAnything_AlwaysGetsAJpegName()
    {
        // The name is decided from the input list alone, never from what the bytes turn out to be.
        var names = new OutputNames(["liar.png", "x.tiff"]);

        Assert.AreEqual("liar.jpg", names.For(0));
        Assert.AreEqual("x.jpg", names.For(1));
    }

    [TestMethod]
    public void For_ManyInputsWithOneName_AllNamesDistinct()
    {
        string[] inputs = Enumerable.Repeat("p.png", 50).Concat(Enumerable.Repeat("p.jpg", 50)).ToArray();
        var names = new OutputNames(inputs);

        string[] outputs = Enumerable.Range(0, inputs.Length).Select(names.For).ToArray();

        Assert.HasCount(inputs.Length, outputs.Distinct(StringComparer.OrdinalIgnoreCase).ToArray());
    }
}
