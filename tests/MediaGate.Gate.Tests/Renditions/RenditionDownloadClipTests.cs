using MediaGate.Consent.Decisions;
using MediaGate.Consent.Matrix;
using MediaGate.Consent.People;
using MediaGate.Data.Audit;
using MediaGate.Data.Media;
using MediaGate.Gate.Outcomes;
using MediaGate.Gate.Renditions;
using MediaGate.Gate.Video;
using MediaGate.Ingest.Video;
using MediaGate.Storage;
using MediaGate.Testing.Renditions;
using Microsoft.Extensions.Options;

namespace MediaGate.Gate.Tests.Renditions;

/// <summary>
/// Clips leave through <see cref="RenditionDownload"/> as pictures do (issue 13, section 1): for the parent whose child the
/// rendition is for, bounded by the clip cap, audited. The clip here is the journal rendition's stand-in bytes, not an MP4:
/// what is under test is who gets which object, not the video.
/// </summary>
[TestClass]
public sealed class RenditionDownloadClipTests
{
    private const string Mum = "mum-of-ava";
    private static readonly byte[] Clip = [.. Enumerable.Range(0, 1000).Select(i => (byte)i)];

    [TestMethod]
    public async Task ClipForParentAsync_OwnChildsClip_IsServedWholeAndAuditedAsAPlay()
    {
        await using var world = await RenditionWorld.CreateAsync();
        var (families, mediaId) = await VideoItemAsync(world);

        var outcome = await Download(world, families, Clip.Length).ClipForParentAsync(Mum, mediaId, null, null);

        Assert.IsTrue(outcome.IsSuccess, outcome.Problem?.Title);
        await using var content = outcome.Value.Content;
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy);
        CollectionAssert.AreEqual(Clip, copy.ToArray(), "the clip's bytes");
        var audit = await world.Database.Audit.ReadPageAsync(new AuditQuery(Actor: Mum), 100);
        Assert.AreEqual("view-video", audit.Single().Action, "the play is audited");
    }

    [TestMethod]
    public async Task ClipForParentAsync_ClipLargerThanTheClipCap_IsNotServed()
    {
        await using var world = await RenditionWorld.CreateAsync();
        var (families, mediaId) = await VideoItemAsync(world);

        await Assert.ThrowsExactlyAsync<InvalidDataException>(() => Download(world, families, Clip.Length - 1).ClipForParentAsync(Mum, mediaId, null, null));

        Assert.IsEmpty(await world.Database.Audit.ReadPageAsync(new AuditQuery(Actor: Mum), 100), "nothing left, nothing audited");
    }

    [TestMethod]
    public async Task ClipByLinkAsync_ChildNoLongerTheParents_IsNotFound()
    {
        await using var world = await RenditionWorld.CreateAsync();
        var (families, mediaId) = await VideoItemAsync(world);
        var download = Download(world, families, Clip.Length);
        var link = await download.LinkForParentAsync(Mum, mediaId, null, null);
        string token = link.Value.Url[RenditionDownload.LinkPath.Length..];
        var before = await download.ClipByLinkAsync(token);
        await before.Value.Content.DisposeAsync();

        families.Children = [];
        var after = await download.ClipByLinkAsync(token);

        Assert.AreEqual(GateProblemKind.NotFound, after.Problem?.Kind, "the link plays only while the child is the parent's");
    }

    [TestMethod]
    public async Task ClipForParentAsync_AnotherFamilysClip_IsNotFound()
    {
        await using var world = await RenditionWorld.CreateAsync();
        var (_, mediaId) = await VideoItemAsync(world);
        var ben = await world.ChildAsync("Ben Jones");

        var outcome = await Download(world, new Family { Children = [ben] }, Clip.Length).ClipForParentAsync(Mum, mediaId, null, null);

        Assert.AreEqual(GateProblemKind.NotFound, outcome.Problem?.Kind);
    }

    /// <summary>A photo item whose journal rendition for Ava's family also has a clip in the rendition store.</summary>
    private static async Task<(Family Families, string MediaId)> VideoItemAsync(RenditionWorld world)
    {
        var ava = await world.ChildAsync("Ava Smith");
        var item = await world.ItemAsync(RenditionWorld.Meeting, [ava], [ava, null, null]);
        await world.Renditions.RefreshItemAsync(item.Id);
        var rendition = await world.Database.Renditions.FindAsync(item.Id, Purpose.Journal, Audience.ParentOf(ava).Key);
        Assert.IsNotNull(rendition, "the journal rendition for Ava's family");
        var key = ObjectKey.Parse($"renditions/clips/{rendition.Id}.mp4");
        using (var clip = new MemoryStream(Clip))
        {
            await world.RenditionStore.PutAsync(key, clip);
        }

        await world.Database.Videos.SaveRenditionAsync(new VideoRenditionRecord(rendition.Id, item.Id, key.Value, Sound: true, Clip.Length));
        return (new Family { Children = [ava] }, item.Id);
    }

    private static RenditionDownload Download(RenditionWorld world, Family families, long clipCap) =>
        new(world.Database.Renditions, world.Database.Videos, world.Database.Audit, families, world.RenditionStore,
            Options.Create(new VideoLimits { MaxBytes = clipCap }), Options.Create(new VideoServiceOptions()), world.Time);

    private sealed class Family : IParentChildren
    {
        public IReadOnlyList<ChildId> Children { get; set; } = [];

        public Task<IReadOnlyList<ChildId>> ChildrenOfAsync(string accountId, CancellationToken cancellationToken = default) =>
            Task.FromResult(accountId == Mum ? Children : (IReadOnlyList<ChildId>)[]);
    }
}
