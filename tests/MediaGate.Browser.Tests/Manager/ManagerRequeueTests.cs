using System.Text.Json;
using System.Text.Json.Nodes;

namespace MediaGate.Browser.Tests.Manager;

/// <summary>
/// Issue 13 (a store that is briefly unavailable): the dashboard's "Try failed photos again" button puts every failed
/// item back in the queue through <c>POST /api/manager/media/requeue</c>, says how many, and the re-queue is audited.
/// A walkthrough found it offered when nothing had failed: it is shown only while the dashboard's <c>failedNow</c>
/// (all days) is above 0, beside a tile with that count and a sentence on what it does, and the numbers are read
/// again after a re-queue.
/// </summary>
[TestClass]
public sealed class ManagerRequeueTests : BrowserTest
{
    [TestMethod]
    public async Task TryFailedPhotosAgain_NoneFailedThenOneFailedUpload_OfferedOnlyThenSaysOneWasPutBackAndAuditsIt()
    {
        var service = await StartServiceAsync();
        using var nursery = await Nursery.CreateAsync(service.Address);
        await nursery.GrantJournalAsync(avaGroup: false, benGroup: false, caraGroup: false);
        var page = await NewPageAsync(service);
        var tryAgain = page.Page.GetByRole(AriaRole.Button, new() { Name = "Try failed photos again" });
        var failedTile = page.Page.Locator(".tile", new() { HasText = "Failed now (all days)" }).Locator("dd");

        // Nothing has failed: no button, and the tile says 0.
        await ManagerConsole.SignInAsync(page, "index.html");
        await Assertions.Expect(failedTile).ToHaveTextAsync("0");
        await Assertions.Expect(tryAgain).ToHaveCountAsync(0);
        await CheckAsync(page, "dashboard, nothing failed");

        // A JPEG's first bytes and then nothing a decoder can read: accepted at the door (202), failed in processing.
        var broken = new byte[64 * 1024];
        new Random(13).NextBytes(broken);
        broken[0] = 0xFF;
        broken[1] = 0xD8;
        broken[2] = 0xFF;
        broken[3] = 0xE0;
        var upload = await nursery.Tablet.UploadAsync([new UploadFile("broken.jpg", broken)], [nursery.Ava.ChildId], "Painting");
        var failed = (await nursery.Tablet.WaitUntilDecidedAsync(upload.ObservationId, TimeSpan.FromSeconds(120))).Single();
        Assert.AreEqual("failed", failed.Status, "the broken upload fails in processing");
        Assert.AreEqual(1, (await nursery.Manager.GetJsonAsync<JsonElement>("/api/manager/dashboard")).GetProperty("failedNow").GetInt64());

        await ManagerConsole.OpenAsync(page, "index.html");
        await Assertions.Expect(failedTile).ToHaveTextAsync("1");
        await Assertions.Expect(tryAgain).ToBeVisibleAsync();
        await Assertions.Expect(tryAgain).ToHaveAccessibleDescriptionAsync("The failed photos and videos are processed again.");
        await CheckAsync(page, "dashboard, one item failed");

        // The numbers are read again after the re-queue (the item may fail again at once: it is still broken).
        var reread = page.Page.WaitForResponseAsync(r => r.Url.Contains("/api/manager/dashboard", StringComparison.Ordinal) && r.Request.Method == "GET");
        var requeue = page.Page.WaitForResponseAsync(r => r.Url.EndsWith("/api/manager/media/requeue", StringComparison.Ordinal));
        await tryAgain.ClickAsync();
        Assert.AreEqual(200, (await requeue).Status);
        Assert.AreEqual(200, (await reread).Status, "the dashboard's numbers are read again after the re-queue");

        await Assertions.Expect(page.Page.Locator(".requeue [role='status']")).ToHaveTextAsync("1 failed photo or video put back in the queue.");
        var audit = await nursery.Manager.AuditAsync();
        Assert.IsTrue(
            audit.Any(e => e.GetProperty("action").GetString() == "requeue" && e.ToString().Contains(failed.MediaId, StringComparison.Ordinal)),
            "the audit log records the re-queue of the failed photo");
        await CheckAsync(page, "dashboard, failed item put back in the queue");
    }

    /// <summary>
    /// The button stayed while a failed item could not be put back (its original deleted 72 hours after it failed),
    /// and each press found nothing to do. The service's own answer is given here with two failed items of which none can
    /// be tried again (a browser test cannot wait 72 hours; the count itself: ManagerDashboardTests and SqlWorkQueueTests),
    /// so that only the page is under test: the tile says 2, there is no button, and a sentence says why.
    /// </summary>
    [TestMethod]
    public async Task TryFailedPhotosAgain_FailedItemsNoneRetryable_NoButtonAndASentenceSaysWhy()
    {
        var service = await StartServiceAsync();
        var page = await NewPageAsync(service);
        await page.Page.RouteAsync("**/api/manager/dashboard?*", async route =>
        {
            var answer = await route.FetchAsync();
            var board = JsonNode.Parse(await answer.TextAsync())!.AsObject();
            board["failedNow"] = 2;
            board["retryableNow"] = 0;
            await route.FulfillAsync(new() { Response = answer, Body = board.ToJsonString() });
        });

        await ManagerConsole.SignInAsync(page, "index.html");

        await Assertions.Expect(page.Page.Locator(".tile", new() { HasText = "Failed now (all days)" }).Locator("dd")).ToHaveTextAsync("2");
        await Assertions.Expect(page.Page.Locator(".requeue-gone")).ToHaveTextAsync(
            "2 failed photos or videos can no longer be tried again: their originals are no longer kept.");
        await Assertions.Expect(page.Page.GetByRole(AriaRole.Button, new() { Name = "Try failed photos again" })).ToHaveCountAsync(0);
        await CheckAsync(page, "dashboard, failed items that can no longer be tried again");
    }
}
