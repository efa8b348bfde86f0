using System.Security.Cryptography;
using MediaGate.Gate.Uploads;

namespace MediaGate.Gate.Tests.Uploads;

[TestClass]
public sealed class UploadedFileStreamTests
{
    [TestMethod]
    public async Task ReadAsync_HeadThenRest_GivesEveryByteOnceAndItsSha256()
    {
        var bytes = RandomNumberGenerator.GetBytes(10_000);
        using var file = new UploadedFileStream(bytes.AsMemory(0, 4096), new MemoryStream(bytes, 4096, bytes.Length - 4096), limit: 10_000, "a.jpg");
        using var copy = new MemoryStream();

        await file.CopyToAsync(copy);

        CollectionAssert.AreEqual(bytes, copy.ToArray());
        Assert.AreEqual(10_000, file.BytesRead);
        Assert.AreEqual(Convert.ToHexStringLower(SHA256.HashData(bytes)), file.Sha256());
    }

    [TestMethod]
    public async Task ReadAsync_OneByteOverTheLimit_ThrowsNamingTheFile()
    {
        var bytes = new byte[10_001];
        using var file = new UploadedFileStream(bytes.AsMemory(0, 10), new MemoryStream(bytes, 10, bytes.Length - 10), limit: 10_000, "big.jpg");

        var refused = await Assert.ThrowsAsync<UploadTooLargeException>(() => file.CopyToAsync(Stream.Null));

        StringAssert.Contains(refused.Message, "big.jpg");
    }

    [TestMethod]
    public async Task ReadAsync_HeadAloneOverTheLimit_Throws()
    {
        var bytes = new byte[100];
        using var file = new UploadedFileStream(bytes, Stream.Null, limit: 99, "a.jpg");

        await Assert.ThrowsAsync<UploadTooLargeException>(() => file.CopyToAsync(Stream.Null));
    }
}
