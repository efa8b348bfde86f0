using MediaGate.Gate.Renditions;

namespace MediaGate.Gate.Tests.Renditions;

[TestClass]
public sealed class RenditionKeysTests
{
    [TestMethod]
    public void New_TwoKeysWithOneFingerprint_DifferAndCarryIt()
    {
        var a = RenditionKeys.New("abc123");
        var b = RenditionKeys.New("abc123");

        Assert.AreNotEqual(a.Value, b.Value);
        Assert.AreEqual("abc123", RenditionKeys.FingerprintOf(a.Value));
        Assert.MatchesRegex("^renditions/[0-9a-f]{32}-abc123\\.jpg$", a.Value);
    }

    [TestMethod]
    [DataRow("masters/abc.jpg")]
    [DataRow("renditions/abc.jpg")]
    [DataRow("renditions/abc-def.png")]
    public void FingerprintOf_KeyOfAnotherShape_IsNull(string key) => Assert.IsNull(RenditionKeys.FingerprintOf(key));
}
