using MediaGate.Gate.Uploads;

namespace MediaGate.Gate.Tests.Uploads;

[TestClass]
public sealed class UploadFingerprintTests
{
    [TestMethod]
    public void Of_ChildrenInAnotherOrderOrRepeated_IsTheSame()
    {
        Assert.AreEqual(
            UploadFingerprint.Of(["f1", "f2"], ["ava", "ben"], "note", "2026-11-30T09:00:00Z"),
            UploadFingerprint.Of(["f1", "f2"], ["ben", "ava", "ben"], "note", "2026-11-30T09:00:00Z"));
    }

    [TestMethod]
    public void Of_AnyOtherContent_Differs()
    {
        var original = UploadFingerprint.Of(["f1", "f2"], ["ava"], "note", "t");

        Assert.AreNotEqual(original, UploadFingerprint.Of(["f2", "f1"], ["ava"], "note", "t"), "file order");
        Assert.AreNotEqual(original, UploadFingerprint.Of(["f1"], ["ava"], "note", "t"), "a file fewer");
        Assert.AreNotEqual(original, UploadFingerprint.Of(["f1", "f2"], ["ben"], "note", "t"), "children");
        Assert.AreNotEqual(original, UploadFingerprint.Of(["f1", "f2"], ["ava"], null, "t"), "no note");
        Assert.AreNotEqual(UploadFingerprint.Of(["f1"], [], null, "t"), UploadFingerprint.Of(["f1"], [], "", "t"), "no note and an empty note");
        Assert.AreNotEqual(original, UploadFingerprint.Of(["f1", "f2"], ["ava"], "note", "u"), "capture time");
    }
}
