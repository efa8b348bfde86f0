using System.Text;
using System.Text.Json;
using MediaGate.Api.Endpoints;
using MediaGate.Consent.Matrix;
using MediaGate.Data.Media;
using MediaGate.Gate.Consents;
using MediaGate.Gate.Renditions;
using MediaGate.Gate.Review;
using MediaGate.Ingest.Verify;
using MediaGate.Testing.Renditions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MediaGate.Api.Tests.Endpoints;

[TestClass]
public sealed class WebsiteEndpointsTests
{
    [TestMethod]
    public async Task ListPhotosAsync_ApprovedConsentedPhoto_IsListedWithNoNameChildIdOrMediaIdAnywhere()
    {
        await using var world = await RenditionWorld.CreateAsync();
        var ava = await world.ChildAsync("Ava Smith", website: true);
        var item = await world.ItemAsync(RenditionWorld.Meeting, [ava], [ava, null, null]);
        await world.Review.DecideAsync(item.Id, new ReviewDecision(Purpose.Website, ReviewAction.Release, []), RenditionWorld.Manager);

        var list = (await WebsiteEndpoints.ListPhotosAsync(new WebsiteFeed(world.Database.Renditions), default)).Value!;
        Assert.HasCount(1, list);
        var http = new DefaultHttpContext();
        var photo = (await WebsiteEndpoints.GetPhotoAsync(list[0].Id, http, Download(world), default)).Result as FileContentHttpResult;

        Assert.IsNotNull(photo);
        Assert.AreEqual($"/api/website/photos/{list[0].Id}.jpg", list[0].Url);
        var json = JsonSerializer.Serialize(list);
        var bytesAsText = Encoding.Latin1.GetString(photo.FileContents.Span);
        foreach (var forbidden in new[] { "Ava", "Smith", ava.Value, item.Id, "Rainbow" })
        {
            Assert.DoesNotContain(forbidden, json, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(forbidden, bytesAsText, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(forbidden, photo.FileDownloadName ?? "", StringComparison.OrdinalIgnoreCase);
        }

        Assert.IsTrue(MetadataVerifier.VerifyClean(photo.FileContents.ToArray()).IsSuccess);
        Assert.IsTrue((await world.Database.Audit.ReadAsync()).Any(e => e is { Action: "view", Actor: "website:website" } && e.Subject == item.Id));
        Assert.AreEqual("no-store", http.Response.Headers.CacheControl.ToString());
    }

    [TestMethod]
    public async Task ListPhotosAsync_NotApproved_IsEmpty()
    {
        await using var world = await RenditionWorld.CreateAsync();
        var ava = await world.ChildAsync("Ava Smith", website: true);
        var item = await world.ItemAsync(RenditionWorld.Meeting, [ava], [ava, null, null]);
        await world.Renditions.RefreshItemAsync(item.Id);

        Assert.IsEmpty((await WebsiteEndpoints.ListPhotosAsync(new WebsiteFeed(world.Database.Renditions), default)).Value!);
    }

    [TestMethod]
    public async Task GetPhotoAsync_AJournalRenditionsId_Is404()
    {
        await using var world = await RenditionWorld.CreateAsync();
        var ava = await world.ChildAsync("Ava Smith");
        var item = await world.ItemAsync(RenditionWorld.Meeting, [ava], [ava, null, null]);
        await world.Renditions.RefreshItemAsync(item.Id);
        var journal = (await world.Database.Renditions.OfMediaAsync(item.Id)).Single();

        var result = await WebsiteEndpoints.GetPhotoAsync(journal.Id, new DefaultHttpContext(), Download(world), default);

        Assert.AreEqual(StatusCodes.Status404NotFound, (result.Result as ProblemHttpResult)?.StatusCode);
    }

    [TestMethod]
    public async Task GetPhotoAsync_AfterTheWebsiteConsentIsWithdrawn_IsGoneFromListAndFile()
    {
        await using var world = await RenditionWorld.CreateAsync();
        var ava = await world.ChildAsync("Ava Smith", website: true);
        var item = await world.ItemAsync(RenditionWorld.Meeting, [ava], [ava, null, null]);
        await world.Review.DecideAsync(item.Id, new ReviewDecision(Purpose.Website, ReviewAction.Release, []), RenditionWorld.Manager);
        var id = (await WebsiteEndpoints.ListPhotosAsync(new WebsiteFeed(world.Database.Renditions), default)).Value!.Single().Id;

        await world.Consents.ApplyAsync(new ConsentChange(ava, Purpose.Website, false, false, "Father", "email 12", null), RenditionWorld.Manager);

        Assert.IsEmpty((await WebsiteEndpoints.ListPhotosAsync(new WebsiteFeed(world.Database.Renditions), default)).Value!);
        var result = await WebsiteEndpoints.GetPhotoAsync(id, new DefaultHttpContext(), Download(world), default);
        Assert.AreEqual(StatusCodes.Status404NotFound, (result.Result as ProblemHttpResult)?.StatusCode);
    }

    private static RenditionDownload Download(RenditionWorld world) =>
        new(world.Database.Renditions, world.Database.Videos, world.Database.Audit, new FamilyChildren(), world.RenditionStore,
            Microsoft.Extensions.Options.Options.Create(new MediaGate.Ingest.Video.VideoLimits()),
            Microsoft.Extensions.Options.Options.Create(new MediaGate.Gate.Video.VideoServiceOptions()), world.Time);
}
