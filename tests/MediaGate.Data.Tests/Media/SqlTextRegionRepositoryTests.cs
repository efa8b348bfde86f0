using MediaGate.Data.Media;
using MediaGate.Data.Tests.Support;

namespace MediaGate.Data.Tests.Media;

/// <summary>issue 15: an item's text scan is recorded once with its regions; the manager's un-mask stays on the region.</summary>
[TestClass]
public sealed class SqlTextRegionRepositoryTests
{
    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task SaveScanAsync_SecondScan_RefusedAndTheFirstRegionsAndAnswersKept(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        var mediaId = await AddItemAsync(test);
        TextRegionRecord[] first = [new(mediaId, 1, 10, 20, 120, 30, 0.9), new(mediaId, 2, 200, 220, 80, 16, 0.7)];

        Assert.IsTrue(await test.Database.TextRegions.SaveScanAsync(new TextScan(mediaId, "ppocr-v4-det", Sample.Now, 2), first));
        Assert.IsTrue(await test.Database.TextRegions.SetUnmaskedAsync(mediaId, 2, "manager-1", Sample.Now));
        var again = await test.Database.TextRegions.SaveScanAsync(new TextScan(mediaId, "ppocr-v4-det", Sample.Now.AddMinutes(1), 1), [new(mediaId, 1, 0, 0, 5, 5, 0.8)]);

        Assert.IsFalse(again);
        var regions = await test.Database.TextRegions.OfMediaAsync(mediaId);
        CollectionAssert.AreEqual(new[] { first[0], first[1] with { UnmaskedBy = "manager-1", UnmaskedAt = Sample.Now } }, regions.ToArray());
        Assert.AreEqual(new TextScan(mediaId, "ppocr-v4-det", Sample.Now, 2), await test.Database.TextRegions.ScanOfAsync(mediaId));
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task ScanOfAsync_NeverScanned_IsNull(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        var mediaId = await AddItemAsync(test);

        Assert.IsNull(await test.Database.TextRegions.ScanOfAsync(mediaId));
        Assert.IsFalse(await test.Database.TextRegions.SetUnmaskedAsync(mediaId, 1, "manager-1", Sample.Now), "no such region");
    }

    private static async Task<string> AddItemAsync(TestDatabase test)
    {
        await Sample.AddChildrenAsync(test.Database);
        var upload = MediaSample.Upload(1, [Sample.Ava]);
        await test.Database.AddRecordedUploadAsync(upload);
        return upload.Items[0].Id;
    }
}
