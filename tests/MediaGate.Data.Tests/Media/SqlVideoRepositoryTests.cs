using MediaGate.Data.Media;
using MediaGate.Data.Tests.Support;

namespace MediaGate.Data.Tests.Media;

[TestClass]
public sealed class SqlVideoRepositoryTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task AddUploadAsync_VideoBeforePhoto_PhotoWorkersSkipTheVideoAndOnlyTheVideoLaneClaimsIt(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        await Sample.AddChildrenAsync(test.Database);
        var upload = MediaSample.Upload(2, [Sample.Ava]);
        var (video, photo) = (upload.Items[0].Id, upload.Items[1].Id);
        await test.Database.AddRecordedUploadAsync(upload with { Videos = [video] });

        var photoClaim = await test.Database.Work.ClaimAsync("node-a", Lease, 3);
        var nothingElse = await test.Database.Work.ClaimAsync("node-a", Lease, 3);
        var videoClaim = await test.Database.Work.ClaimKindAsync("node-a", Lease, 3, MediaKinds.VideoWork);

        Assert.AreEqual(photo, photoClaim?.Id, "the photo, though queued after the video");
        Assert.IsNull(nothingElse, "a photo worker never takes a video");
        Assert.AreEqual(video, videoClaim?.Id);
        Assert.AreEqual(MediaKinds.Video, await test.Database.Videos.KindOfAsync(video));
        Assert.AreEqual(MediaKinds.Photo, await test.Database.Videos.KindOfAsync(photo));
        Assert.IsNull(await test.Database.Videos.KindOfAsync(MediaSample.NewId()));
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task VideosAmongAsync_AVideoAPhotoAndAnUnknownId_ReturnsOnlyTheVideo(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        await Sample.AddChildrenAsync(test.Database);
        var upload = MediaSample.Upload(2, [Sample.Ava]);
        var (video, photo) = (upload.Items[0].Id, upload.Items[1].Id);
        await test.Database.AddRecordedUploadAsync(upload with { Videos = [video] });

        var videos = await test.Database.Videos.VideosAmongAsync([photo, video, MediaSample.NewId()]);

        CollectionAssert.AreEquivalent(new[] { video }, videos.ToArray(), "only the video is a video");
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task SaveTracksAsync_SecondRun_KeepsTheFirstRunsTracks(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        await Sample.AddChildrenAsync(test.Database);
        var upload = MediaSample.Upload(1, [Sample.Ava]);
        await test.Database.AddRecordedUploadAsync(upload with { Videos = [upload.Items[0].Id] });
        var id = upload.Items[0].Id;

        await test.Database.Videos.SaveTracksAsync(id, [new VideoTrackRecord(id, 1, 0, 900, 400, "[1]", null), new VideoTrackRecord(id, 2, 100, 200, 150, "[2]", "masters/x.jpg")]);
        await test.Database.Videos.SaveTracksAsync(id, [new VideoTrackRecord(id, 1, 50, 60, 55, "[again]", null)]);

        var tracks = await test.Database.Videos.TracksAsync(id);
        Assert.HasCount(2, tracks);
        Assert.AreEqual(new VideoTrackRecord(id, 1, 0, 900, 400, "[1]", null), tracks[0]);
        Assert.AreEqual("masters/x.jpg", tracks[1].FrameKey);
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task FindLinkAsync_AfterItsExpiry_FindsNothing(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        var link = new VideoLinkRecord("hash-1", "rendition-1", "media-1", "parent-1", Sample.Now.AddMinutes(5));
        await test.Database.Videos.AddLinkAsync(link, Sample.Now);

        Assert.AreEqual(link, await test.Database.Videos.FindLinkAsync("hash-1", Sample.Now.AddMinutes(4)));
        Assert.IsNull(await test.Database.Videos.FindLinkAsync("hash-1", Sample.Now.AddMinutes(6)));
        Assert.IsNull(await test.Database.Videos.FindLinkAsync("hash-2", Sample.Now));
    }
}
