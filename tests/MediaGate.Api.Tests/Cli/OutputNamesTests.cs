using MediaGate.Api.Cli;

namespace MediaGate.Api.Tests.Cli;

[TestClass]
public sealed class OutputNamesTests
{
    [TestMethod]
    public void For_PngAlone_BecomesJpg()
    {
        var names = new OutputNames(["sub/a.png"]);

        Assert.AreEqual("sub/a.jpg", names.For("sub/a.png", keepExtension: false));
    }

    [TestMethod]
    public void For_JpegKept_KeepsItsName()
    {
        var names = new OutputNames(["b.JPEG"]);

        Assert.AreEqual("b.JPEG", names.For("b.JPEG", keepExtension: true));
    }

    [TestMethod]
    public void For_PngBesideJpgOfSameName_KeepsOldExtensionInFront()
    {
        var names = new OutputNames(["a.jpg", "a.png", "a.heic"]);

        Assert.AreEqual("a.jpg", names.For("a.jpg", keepExtension: true));
        Assert.AreEqual("a.png.jpg", names.For("a.png", keepExtension: false));
        Assert.AreEqual("a.heic.jpg", names.For("a.heic", keepExtension: false));
    }
}
