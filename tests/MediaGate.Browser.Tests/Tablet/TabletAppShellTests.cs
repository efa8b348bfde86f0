using System.Text.Json;

namespace MediaGate.Browser.Tests.Tablet;

/// <summary>
/// The tablet page as an installed app (issue 8: "can be installed as a PWA"): Chromium finds nothing stopping the
/// install, the page opens without a network from the service worker's cache, which never holds an API answer;
/// and signing out refuses the token from then on.
/// </summary>
[TestClass]
public sealed class TabletAppShellTests : BrowserTest
{
    [TestMethod]
    public async Task Manifest_TabletPage_InstallableWithNoManifestErrors()
    {
        var service = await StartServiceAsync();
        var tablet = new TabletPage(await NewPageAsync(service));
        await tablet.OpenAsync();
        await tablet.Page.EvaluateAsync("() => navigator.serviceWorker.ready.then(() => true)");

        // Chromium's own checks, through the DevTools protocol: the manifest parsed, and the page is installable.
        var devTools = await tablet.Browser.Context.NewCDPSessionAsync(tablet.Page);
        var manifest = await devTools.SendAsync("Page.getAppManifest") ?? throw new AssertFailedException("no manifest answer");
        var installability = await devTools.SendAsync("Page.getInstallabilityErrors") ?? throw new AssertFailedException("no installability answer");

        Assert.AreEqual(0, manifest.GetProperty("errors").GetArrayLength(), manifest.GetProperty("errors").ToString());
        // "in-incognito" is the test's browser context (Playwright's contexts are off the record), not the page.
        var errors = installability.GetProperty("installabilityErrors").EnumerateArray()
            .Select(e => e.GetProperty("errorId").GetString()).Where(id => id != "in-incognito").ToList();
        Assert.AreEqual(0, errors.Count, string.Join(", ", errors));
        using var parsed = JsonDocument.Parse(manifest.GetProperty("data").GetString()!);
        Assert.AreEqual("/tablet/", parsed.RootElement.GetProperty("start_url").GetString());
        Assert.AreEqual("standalone", parsed.RootElement.GetProperty("display").GetString());
    }

    [TestMethod]
    public async Task ServiceWorker_PageReopenedWithoutNetwork_OpensFromCacheWithTheQueueAndNoApiAnswerCached()
    {
        var service = await StartServiceAsync();
        using var nursery = await Nursery.CreateAsync(service.Address);
        var tablet = new TabletPage(await NewPageAsync(service));
        await tablet.StartAsync(nursery);
        // Installed and controlling the page (it claims its clients on activation).
        await tablet.Page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null");
        tablet.Browser.Probe.ExpectConsoleError("net::ERR_INTERNET_DISCONNECTED");
        await tablet.Browser.Context.SetOfflineAsync(true);
        await tablet.ChoosePhotosAsync(TestPhotos.Solos[3]);
        await tablet.TagAsync($"{nursery.Ben.ChildName} (Robins)");
        await tablet.UploadAsync();
        await Assertions.Expect(tablet.QueueStatus).ToHaveTextAsync("1 upload waiting on this tablet.");

        await tablet.Page.ReloadAsync();

        await Assertions.Expect(tablet.Page.GetByRole(AriaRole.Heading, new() { Name = "New photos" })).ToBeVisibleAsync();
        await Assertions.Expect(tablet.QueueStatus).ToHaveTextAsync("1 upload waiting on this tablet.");
        var cached = await tablet.Page.EvaluateAsync<string[]>(
            "async () => (await Promise.all((await caches.keys()).map(async n => (await (await caches.open(n)).keys()).map(r => new URL(r.url).pathname)))).flat()");
        CollectionAssert.Contains(cached, "/tablet/app.js");
        Assert.IsFalse(cached.Any(path => path.StartsWith("/api/", StringComparison.Ordinal)), string.Join(", ", cached));

        await tablet.Browser.Context.SetOfflineAsync(false);
        await tablet.WaitUntilQueueEmptyAsync();
        Assert.AreEqual(1, (await nursery.Tablet.GetJsonAsync<JsonElement>("/api/tablet/observations?limit=20")).GetArrayLength());
    }

    [TestMethod]
    public async Task SignOut_SignedInStaff_BackToSignInAndTheTokenIsRefused()
    {
        var service = await StartServiceAsync();
        using var nursery = await Nursery.CreateAsync(service.Address);
        var tablet = new TabletPage(await NewPageAsync(service));
        await tablet.StartAsync(nursery);
        var token = await tablet.Page.EvaluateAsync<string>("() => sessionStorage.getItem('mediagate.token')");
        Assert.IsFalse(string.IsNullOrEmpty(token));

        await tablet.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Assertions.Expect(tablet.Page.GetByRole(AriaRole.Heading, new() { Name = "Staff sign-in" })).ToBeVisibleAsync();
        Assert.IsNull(await tablet.Page.EvaluateAsync<string?>("() => sessionStorage.getItem('mediagate.token')"));
        using var old = ApiClient.WithToken(service.Address, token);
        using var response = await old.SendAsync(HttpMethod.Get, "/api/tablet/children");
        Assert.AreEqual(System.Net.HttpStatusCode.Unauthorized, response.StatusCode, "the signed-out token is refused");
        await CheckAsync(tablet.Browser, "tablet: signed out");
    }
}
