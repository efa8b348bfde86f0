using System.Globalization;
using System.Net;
using System.Text.Json;

namespace MediaGate.Browser.Tests.Manager;

/// <summary>
/// What a walk-through of the console found: a double click on "Add child" added the child twice; the review's face
/// choices offered children who had left; the audit log opened on its oldest entries; a throttled sign-in said "Try
/// again in 1 seconds." and kept its button on.
/// </summary>
[TestClass]
public sealed class ManagerWalkthroughTests : BrowserTest
{
    private static readonly TimeSpan ProcessingLimit = TimeSpan.FromSeconds(180);

    [TestMethod]
    public async Task ChildrenPage_AddChildDoubleClicked_OneRequestOneChildAndTheButtonWorkingMeanwhile()
    {
        var service = await StartServiceAsync();
        using var manager = await ApiClient.SignInAsync(service.Address, ServiceSettings.ManagerUsername, ServiceSettings.ManagerPassword);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var name = $"Ava Thompson Zq{tag}";
        var page = await NewPageAsync(service);
        await ManagerConsole.SignInAsync(page, "children.html");

        // The service's answer waits until the test has seen the button while the request runs.
        var posts = 0;
        var answer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.Page.RouteAsync("**/api/manager/children", async route =>
        {
            if (route.Request.Method == "POST")
            {
                Interlocked.Increment(ref posts);
                await answer.Task;
            }

            await route.ContinueAsync();
        });
        await page.Page.GetByLabel("Full name").FillAsync(name);
        await page.Page.GetByLabel("Room", new() { Exact = true }).FillAsync("Butterflies");
        var add = page.Page.GetByRole(AriaRole.Button, new() { Name = "Add child" });
        await add.DblClickAsync();
        await page.Page.GetByLabel("Full name").PressAsync("Enter");

        await Assertions.Expect(add).ToBeDisabledAsync();
        await Assertions.Expect(add).ToHaveAttributeAsync("aria-busy", "true");
        await CheckAsync(page, "children, a child being added");
        answer.SetResult();
        await Assertions.Expect(page.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Added" }))
            .ToHaveTextAsync($"Added {name} to Butterflies. Record their consents on the Consents page.");
        await Assertions.Expect(add).ToBeEnabledAsync();
        await Assertions.Expect(add).Not.ToHaveAttributeAsync("aria-busy", "true");

        Assert.AreEqual(1, posts, "one request for a double click and an Enter");
        var children = await manager.GetJsonAsync<JsonElement>("/api/manager/children");
        Assert.AreEqual(1, children.EnumerateArray().Count(c => c.GetProperty("name").GetString() == name), "exactly one child");

        // The same child again (another tab, a second manager): the service says so plainly.
        page.Probe.ExpectConsoleError("status of 409");
        await page.Page.GetByLabel("Full name").FillAsync(name);
        await page.Page.GetByLabel("Room", new() { Exact = true }).FillAsync("Butterflies");
        await add.ClickAsync();
        await Assertions.Expect(page.Page.GetByRole(AriaRole.Alert)).ToHaveTextAsync($"{name} is already in Butterflies.");
        await CheckAsync(page, "children, the same child refused");
    }

    [TestMethod]
    [Timeout(600_000, CooperativeCancellation = true)]
    public async Task ReviewPage_ChildrenWhoLeft_NotOfferedForFacesButAFaceNamedAsOneShowsThemAsLeft()
    {
        var service = await StartServiceAsync();
        using var nursery = await Nursery.CreateAsync(service.Address);
        var upload = await nursery.Tablet.UploadAsync([UploadFile.FromPath(TestPhotos.GroupOfTwo)], [nursery.Ava.ChildId, nursery.Ben.ChildId], "Two friends");
        var item = (await nursery.Tablet.WaitUntilDecidedAsync(upload.ObservationId, ProcessingLimit)).Single();
        Assert.HasCount(2, item.Faces, "the two people of the photo");
        var avaFace = item.Faces[0].FaceId.ToString();
        var otherFace = item.Faces[1].FaceId.ToString();
        await nursery.Tablet.AssignFacesAsync(item.MediaId, [new(item.Faces[0].FaceId, nursery.Ava.ChildId)]);
        var yesterday = TimeProvider.System.GetUtcNow().AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach (var child in new[] { nursery.Ava.ChildId, nursery.Cara.ChildId })
        {
            using var left = await nursery.Manager.SendAsync(HttpMethod.Post, $"/api/manager/children/{child}/left", ApiClient.JsonBody(new { leftOn = yesterday }));
            await ApiClient.ExpectAsync(left, "POST left", HttpStatusCode.OK);
        }

        var page = await NewPageAsync(service);
        await ManagerConsole.SignInAsync(page, "review.html");
        var card = page.Page.Locator($"article[data-media='{item.MediaId}']");
        var named = card.Locator($"select[data-face='{avaFace}']");
        var unnamed = card.Locator($"select[data-face='{otherFace}']");
        await Assertions.Expect(named.Locator("option:checked")).ToHaveTextAsync($"{nursery.Ava.ChildName} (Robins), has left");
        await Assertions.Expect(unnamed.Locator("option", new() { HasText = nursery.Ben.ChildName })).ToHaveCountAsync(1);
        await Assertions.Expect(unnamed.Locator("option", new() { HasText = nursery.Ava.ChildName })).ToHaveCountAsync(0);
        await Assertions.Expect(unnamed.Locator("option", new() { HasText = nursery.Cara.ChildName })).ToHaveCountAsync(0);
        await Assertions.Expect(named.Locator("option", new() { HasText = nursery.Cara.ChildName })).ToHaveCountAsync(0);
        await CheckAsync(page, "review, faces with children who left");
    }

    [TestMethod]
    public async Task AuditPage_MoreThanAPage_OpensOnTheNewestWithNewerAndOlder()
    {
        var service = await StartServiceAsync();
        using var manager = await ApiClient.SignInAsync(service.Address, ServiceSettings.ManagerUsername, ServiceSettings.ManagerPassword);
        var tag = Guid.NewGuid().ToString("N")[..8];
        for (var i = 0; i < 60; i++)
        {
            await manager.CreateChildAsync($"Child {i} Zq{tag}", "Robins");
        }

        var page = await NewPageAsync(service);
        await ManagerConsole.SignInAsync(page, "audit.html");
        var newest = await SequencesAsync(manager, "order=newest&limit=50");
        var older = await SequencesAsync(manager, $"order=newest&limit=50&before={newest[^1]}");
        var rows = page.Page.Locator("#entries tbody tr td:first-child");
        var newer = page.Page.GetByRole(AriaRole.Button, new() { Name = "Newer" });
        var olderButton = page.Page.GetByRole(AriaRole.Button, new() { Name = "Older" });

        Assert.HasCount(50, newest);
        Assert.IsNotEmpty(older);
        Assert.IsGreaterThan(newest[1], newest[0], "the API's newest first");
        CollectionAssert.AreEqual(newest.Select(Text).ToArray(), (await rows.AllInnerTextsAsync()).ToArray(), "the page opens on the newest 50, newest first");
        await Assertions.Expect(newer).ToBeDisabledAsync();
        await CheckAsync(page, "audit log, newest first");

        await olderButton.ClickAsync();
        await Assertions.Expect(page.Page.Locator("#pages")).ToContainTextAsync("Page 2");
        CollectionAssert.AreEqual(older.Select(Text).ToArray(), (await rows.AllInnerTextsAsync()).ToArray(), "Older: the 50 before them");

        await newer.ClickAsync();
        await Assertions.Expect(page.Page.Locator("#pages")).ToContainTextAsync("Page 1");
        CollectionAssert.AreEqual(newest.Select(Text).ToArray(), (await rows.AllInnerTextsAsync()).ToArray(), "Newer: back to the newest");
    }

    [TestMethod]
    public async Task SignIn_Throttled_SaysTheWaitInWordsCountsDownAndKeepsTheButtonOffUntilThen()
    {
        var service = await StartServiceAsync(settings => settings
            .With("MEDIAGATE_Identity__FreeFailures", "1")
            .With("MEDIAGATE_Identity__FirstDelay", "00:00:05"));
        var page = await NewPageAsync(service);
        // The page's clock is the test's: the countdown moves only when the test moves it.
        await page.Page.Clock.InstallAsync();
        page.Probe.ExpectConsoleError("status of 401");
        page.Probe.ExpectConsoleError("status of 429");
        await page.Page.GotoAsync("/manager/index.html", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        await page.Page.Clock.PauseAtAsync(TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(1));
        var signIn = page.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true });
        var alert = page.Page.GetByRole(AriaRole.Alert);

        IResponse? refused = null;
        for (var attempt = 1; attempt <= 4 && refused?.Status != 429; attempt++)
        {
            await page.Page.GetByLabel("Username").FillAsync(ServiceSettings.ManagerUsername);
            await page.Page.GetByLabel("Password").FillAsync("not-the-password-" + attempt);
            refused = await page.Page.RunAndWaitForResponseAsync(
                () => signIn.ClickAsync(),
                r => r.Url.EndsWith("/api/session", StringComparison.Ordinal) && r.Request.Method == "POST");
            await Assertions.Expect(alert).Not.ToBeEmptyAsync();
        }

        Assert.IsNotNull(refused);
        Assert.AreEqual(429, refused.Status, "the second wrong password must wait");
        var seconds = int.Parse(await refused.HeaderValueAsync("retry-after") ?? "0", CultureInfo.InvariantCulture);
        Assert.IsGreaterThan(1, seconds, "a wait to count down: " + seconds);
        await Assertions.Expect(alert).ToHaveTextAsync($"Too many failed sign-ins. Try again in {seconds} seconds.");
        await Assertions.Expect(signIn).ToBeDisabledAsync();

        await page.Page.Clock.RunForAsync((seconds - 1) * 1000);
        await Assertions.Expect(alert).ToHaveTextAsync("Too many failed sign-ins. Try again in 1 second.");
        await Assertions.Expect(signIn).ToBeDisabledAsync();

        await page.Page.Clock.RunForAsync(1000);
        await Assertions.Expect(signIn).ToBeEnabledAsync();
        await Assertions.Expect(page.Page.Locator(".message.error")).ToBeHiddenAsync();
        // axe-core waits on timers: checked once the clock runs again.
        await page.Page.Clock.ResumeAsync();
        await CheckAsync(page, "manager sign-in, after the pause");
    }

    private static async Task<long[]> SequencesAsync(ApiClient manager, string query) =>
        (await manager.GetJsonAsync<JsonElement>("/api/manager/audit?" + query)).EnumerateArray().Select(e => e.GetProperty("sequence").GetInt64()).ToArray();

    private static string Text(long sequence) => sequence.ToString(CultureInfo.InvariantCulture);
}
