using MediaGate.Api.Endpoints.Manager;
using MediaGate.Consent.Decisions;
using MediaGate.Gate.Review;
using MediaGate.Testing.Renditions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MediaGate.Api.Tests.Endpoints;

[TestClass]
public sealed class ReviewEndpointsTests
{
    [TestMethod]
    public async Task PostDecisionAsync_MaskOnAHeldPhoto_Is200WithTheReleasedItem()
    {
        await using var world = await RenditionWorld.CreateAsync(new DecisionOptions(JournalMaskPolicy.Hold));
        var ava = await world.ChildAsync("Ava Smith");
        var item = await world.ItemAsync(RenditionWorld.Meeting, [ava], [ava, null, null]);
        var queue = ((await ManagerReviewEndpoints.GetReviewAsync(world.Review, default)).Result as Ok<IReadOnlyList<ReviewQueueItem>>)!.Value!;
        Assert.IsTrue(queue.Any(q => q.MediaId == item.Id && q.Status == "held"));

        var result = await ManagerReviewEndpoints.PostDecisionAsync(
            item.Id, new ReviewDecisionBody("journal", "mask"), Principals.Request("boss", "manager"), world.Review, default);

        Assert.AreEqual("released", (result.Result as Ok<ReviewQueueItem>)?.Value?.Status);
    }

    [TestMethod]
    [DataRow("journal", "publish")]
    [DataRow("diary", "release")]
    public async Task PostDecisionAsync_BadPurposeOrAction_Is400(string purpose, string action)
    {
        await using var world = await RenditionWorld.CreateAsync();
        var ava = await world.ChildAsync("Ava Smith");
        var item = await world.ItemAsync(RenditionWorld.Meeting, [ava], [ava, null, null]);

        var result = await ManagerReviewEndpoints.PostDecisionAsync(
            item.Id, new ReviewDecisionBody(purpose, action), Principals.Request("boss", "manager"), world.Review, default);

        Assert.AreEqual(StatusCodes.Status400BadRequest, (result.Result as ProblemHttpResult)?.StatusCode);
    }

    [TestMethod]
    public async Task PostDecisionAsync_UnknownItem_Is404()
    {
        await using var world = await RenditionWorld.CreateAsync();

        var result = await ManagerReviewEndpoints.PostDecisionAsync(
            Guid.NewGuid().ToString("N"), new ReviewDecisionBody("journal", "release"), Principals.Request("boss", "manager"), world.Review, default);

        Assert.AreEqual(StatusCodes.Status404NotFound, (result.Result as ProblemHttpResult)?.StatusCode);
    }

    [TestMethod]
    public async Task GetMasterAsync_ProcessedItem_IsTheJpegNotCached()
    {
        await using var world = await RenditionWorld.CreateAsync();
        var ava = await world.ChildAsync("Ava Smith");
        var item = await world.ItemAsync(RenditionWorld.Meeting, [ava], [ava, null, null]);
        var http = Principals.Request("boss", "manager");

        var result = await ManagerReviewEndpoints.GetMasterAsync(item.Id, http, world.Review, default);

        Assert.AreEqual("image/jpeg", (result.Result as FileContentHttpResult)?.ContentType);
        Assert.AreEqual("private, no-store", http.Response.Headers.CacheControl.ToString());
    }
}
