using MediaGate.Gate.Uploads;

namespace MediaGate.Gate.Tests.Uploads;

[TestClass]
public sealed class CountingReadStreamTests
{
    [TestMethod]
    public async Task ReadAsync_ExactlyTheLimit_IsRead()
    {
        using var counted = new CountingReadStream(new MemoryStream(new byte[5000]), 5000, "The upload");
        using var copy = new MemoryStream();

        await counted.CopyToAsync(copy);

        Assert.AreEqual(5000, copy.Length);
    }

    [TestMethod]
    public async Task ReadAsync_PastTheLimit_ThrowsBeforeReadingOn()
    {
        var source = new MemoryStream(new byte[1_000_000]);
        using var counted = new CountingReadStream(source, 5000, "The upload");

        await Assert.ThrowsAsync<UploadTooLargeException>(() => counted.CopyToAsync(Stream.Null, 1024));

        Assert.IsLessThan(5000 + 1024 + 1, source.Position, "it stops reading at the limit");
    }
}
