using System.Text.Json;

namespace MediaGate.Browser.Tests.Tablet;

/// <summary>
/// The tablet's offline queue (issue 8: photos taken without Wi-Fi are uploaded later, deleted from the tablet only
/// after the receipt, never lost or sent twice). The network is switched off in the browser context, as a tablet
/// leaving the Wi-Fi would be; the server is asked what it stored.
/// </summary>
[TestClass]
public sealed class OfflineQueueTests : BrowserTest
{
    [TestMethod]
    public async Task Queue_PhotoTakenOffline_KeptThenUploadedOnceWhenBackOnline()
    {
        var service = await StartServiceAsync();
        using var nursery = await Nursery.CreateAsync(service.Address);
        var tablet = new TabletPage(await NewPageAsync(service));
        await tablet.StartAsync(nursery);

        tablet.Browser.Probe.ExpectConsoleError("net::ERR_INTERNET_DISCONNECTED");
        await tablet.Browser.Context.SetOfflineAsync(true);
        await tablet.ChoosePhotosAsync(TestPhotos.Solos[1]);
        await tablet.TagAsync($"{nursery.Cara.ChildName} (Wrens)");
        await tablet.UploadAsync();

        await Assertions.Expect(tablet.QueueStatus).ToHaveTextAsync("1 upload waiting on this tablet.");
        await Assertions.Expect(tablet.Page.Locator("#queue-list")).ToContainTextAsync("No connection");
        await Assertions.Expect(tablet.Page.Locator("#connection")).ToContainTextAsync("Offline");
        Assert.AreEqual(1, await tablet.QueuedInDatabaseAsync(), "the photo is kept in IndexedDB");
        Assert.AreEqual(0, (await ObservationsAsync(nursery)).GetArrayLength(), "nothing reached the server while offline");
        await CheckAsync(tablet.Browser, "tablet: photo waiting offline", "tablet-offline-queue");

        await tablet.Browser.Context.SetOfflineAsync(false);

        await tablet.WaitUntilQueueEmptyAsync();
        Assert.AreEqual(0, await tablet.QueuedInDatabaseAsync(), "deleted from the tablet after the receipt");
        var observations = await ObservationsAsync(nursery);
        Assert.AreEqual(1, observations.GetArrayLength(), observations.ToString());
        Assert.AreEqual(nursery.Cara.ChildId, observations[0].GetProperty("children")[0].GetString());
        await tablet.Page.GetByRole(AriaRole.Button, new() { Name = "Try uploading now" }).ClickAsync();
        await tablet.WaitUntilQueueEmptyAsync();
        Assert.AreEqual(1, (await ObservationsAsync(nursery)).GetArrayLength(), "sending again sends nothing");
        await CheckAsync(tablet.Browser, "tablet: queue sent after the network came back");
    }

    [TestMethod]
    public async Task Queue_ReceiptLostAfterTheServerStoredIt_RetriedWithTheSameKeyAndStoredOnce()
    {
        var service = await StartServiceAsync();
        using var nursery = await Nursery.CreateAsync(service.Address);
        var tablet = new TabletPage(await NewPageAsync(service));
        await tablet.StartAsync(nursery);
        var keys = new List<string>();
        int lost = 0;
        // The first upload reaches the server, but its answer never reaches the tablet (the Wi-Fi dropped just then).
        await tablet.Page.RouteAsync("**/api/tablet/observations", async route =>
        {
            if (route.Request.Method != "POST")
            {
                await route.ContinueAsync();
                return;
            }

            lock (keys)
            {
                keys.Add(route.Request.Headers["idempotency-key"]);
            }

            var response = await route.FetchAsync();
            if (Interlocked.Increment(ref lost) == 1)
            {
                Assert.AreEqual(202, response.Status, "the server stored the first attempt");
                await route.AbortAsync("connectionreset");
                return;
            }

            await route.FulfillAsync(new RouteFulfillOptions { Response = response });
        });

        await tablet.ChoosePhotosAsync(TestPhotos.Solos[2]);
        await tablet.TagAsync($"{nursery.Ava.ChildName} (Robins)");
        await tablet.UploadAsync();
        await Assertions.Expect(tablet.QueueStatus).ToHaveTextAsync("1 upload waiting on this tablet.");
        await tablet.Page.GetByRole(AriaRole.Button, new() { Name = "Try uploading now" }).ClickAsync();

        await tablet.WaitUntilQueueEmptyAsync();
        Assert.AreEqual(2, keys.Count, "sent, answer lost, sent again");
        Assert.AreEqual(keys[0], keys[1], "the retry carries the same Idempotency-Key");
        Assert.AreEqual(1, (await ObservationsAsync(nursery)).GetArrayLength(), "stored once");
        Assert.AreEqual(0, await tablet.QueuedInDatabaseAsync());
    }

    [TestMethod]
    public async Task Queue_SessionEndedBeforeTheUpload_KeptAndSentAfterSigningInAgain()
    {
        var service = await StartServiceAsync();
        using var nursery = await Nursery.CreateAsync(service.Address);
        var tablet = new TabletPage(await NewPageAsync(service));
        await tablet.StartAsync(nursery);
        await tablet.ChoosePhotosAsync(TestPhotos.Solos[4]);
        await tablet.TagAsync($"{nursery.Cara.ChildName} (Wrens)");
        // The session ends behind the page's back (as when the token expires): the page's token is signed out just
        // before Upload is pressed (earlier, the page's own 30-second retry could meet the 401 first and leave the
        // capture form before the test presses Upload).
        var token = await tablet.Page.EvaluateAsync<string>("() => sessionStorage.getItem('mediagate.token')");
        using (var session = ApiClient.WithToken(service.Address, token))
        {
            using var signedOut = await session.SendAsync(HttpMethod.Delete, "/api/session");
            Assert.AreEqual(System.Net.HttpStatusCode.NoContent, signedOut.StatusCode);
        }

        tablet.Browser.Probe.ExpectConsoleError("status of 401");
        await tablet.UploadAsync();

        await Assertions.Expect(tablet.Page.GetByRole(AriaRole.Heading, new() { Name = "Staff sign-in" })).ToBeVisibleAsync();
        Assert.AreEqual(1, await tablet.QueuedInDatabaseAsync(), "kept on the tablet");
        Assert.AreEqual(0, (await ObservationsAsync(nursery)).GetArrayLength());
        await tablet.SignInAsync(nursery.StaffUsername, nursery.StaffPin);
        await tablet.WaitUntilSignedInAsync();
        await tablet.WaitUntilQueueEmptyAsync();
        Assert.AreEqual(1, (await ObservationsAsync(nursery)).GetArrayLength());
        Assert.AreEqual(0, await tablet.QueuedInDatabaseAsync());
    }

    private static Task<JsonElement> ObservationsAsync(Nursery nursery) =>
        nursery.Tablet.GetJsonAsync<JsonElement>("/api/tablet/observations?limit=20");
}
