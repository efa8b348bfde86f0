namespace MediaGate.Browser.Tests.Manager;

/// <summary>
/// The manager's console against a real service (issue 8, "Done when": the manager releasing a held item,
/// withdrawing a consent in the grid, and seeing the website feed change). The photo is the sample astronaut portrait
/// (one face; screenshots may be committed), tagged with two children, so the service cannot assign it and holds it for review.
/// </summary>
[TestClass]
public sealed class ManagerReviewAndConsentTests : BrowserTest
{
    private static readonly TimeSpan ProcessingLimit = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan FeedLimit = TimeSpan.FromSeconds(15);

    [TestMethod]
    public async Task ReviewAndConsentGrid_HeldItemReleasedThenWebsiteConsentWithdrawn_WebsiteFeedGainsThenLosesThePhoto()
    {
        var service = await StartServiceAsync();
        using var nursery = await Nursery.CreateAsync(service.Address);
        var ava = nursery.Ava;
        await nursery.GrantJournalAsync(avaGroup: false, benGroup: false, caraGroup: false);
        await nursery.Manager.SetConsentAsync(ava.ChildId, "website", granted: true);
        await nursery.Manager.SetConsentAsync(ava.ChildId, "publicity", granted: true);
        var upload = await nursery.Tablet.UploadAsync([UploadFile.FromPath(TestImages.Astronaut)], [ava.ChildId, nursery.Ben.ChildId], "Painting");
        var item = (await nursery.Tablet.WaitUntilDecidedAsync(upload.ObservationId, ProcessingLimit)).Single();
        Assert.AreEqual("needs-assignment", item.Status, "one face and two tagged children: held until someone says whose face it is");
        using var website = ApiClient.Website(service.Address, await nursery.Manager.CreateWebsiteKeyAsync("site-" + nursery.Tag));
        Assert.IsEmpty(await website.WebsitePhotosAsync(), "nothing is on the website before the manager approves it");

        var page = await NewPageAsync(service);
        await ManagerConsole.SignInAsync(page, "review.html");
        var card = page.Page.Locator($"article[data-media='{item.MediaId}']");
        await card.Locator("img").WaitForAsync();
        await Assertions.Expect(card.Locator(".face-box")).ToHaveCountAsync(1);
        await Assertions.Expect(card.Locator("details.reasons summary")).ToHaveTextAsync("Why, purpose by purpose");
        await Assertions.Expect(card.Locator(".summary")).Not.ToBeEmptyAsync();
        await Assertions.Expect(card.GetByLabel("Face 1").Locator("option[value='not-a-face']")).ToHaveTextAsync("Not a face (no mask)");
        Assert.IsTrue(await card.Locator("img").EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0 && img.src.startsWith('blob:')"), "the master is shown through a blob: URL");
        await CheckAsync(page, "review queue with a held item", screenshot: "manager-review");

        // Name the face, release it for the journal: Ava's family receives it.
        await card.GetByLabel("Face 1").SelectOptionAsync($"child:{ava.ChildId}");
        await card.GetByLabel("Purpose").SelectOptionAsync("journal");
        await card.GetByRole(AriaRole.Button, new() { Name = "Release", Exact = true }).ClickAsync();
        await Assertions.Expect(card.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved: released for journal");
        await Assertions.Expect(card.GetByRole(AriaRole.Status)).Not.ToContainTextAsync("now held");
        Assert.IsTrue(await Poll.UntilAsync(async () => (await ava.Parent.ParentMediaAsync()).Any(m => m.MediaId == item.MediaId && m.Status != "checking"), FeedLimit),
            "after the release Ava's parent has the photo");

        // Approve it for the website: the feed gains it.
        await card.GetByLabel("Purpose").SelectOptionAsync("website");
        await card.GetByRole(AriaRole.Button, new() { Name = "Approve for website", Exact = true }).ClickAsync();
        await Assertions.Expect(card.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved: approved for website");
        Assert.IsTrue(await Poll.UntilAsync(async () => (await website.WebsitePhotosAsync()).Count == 1, FeedLimit), "the approved photo reaches the website feed");

        // Approve it for publicity: the manager can download the publicity rendition (a JPEG) from the card.
        await card.GetByLabel("Purpose").SelectOptionAsync("publicity");
        await card.GetByRole(AriaRole.Button, new() { Name = "Approve for publicity", Exact = true }).ClickAsync();
        await Assertions.Expect(card.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved: approved for publicity");
        // For the website and publicity the manager approves: the card says so, never "website: released".
        await Assertions.Expect(card.Locator("p", new() { HasText = "Your decisions so far" })).ToContainTextAsync("website: approved");
        await Assertions.Expect(card.Locator("p", new() { HasText = "Your decisions so far" })).ToContainTextAsync("publicity: approved");
        var publicity = await page.Page.RunAndWaitForDownloadAsync(() => card.GetByRole(AriaRole.Button, new() { Name = "Download the publicity photo" }).ClickAsync());
        var jpeg = await File.ReadAllBytesAsync(await publicity.PathAsync());
        Assert.IsTrue(jpeg.Length > 1000 && jpeg[0] == 0xFF && jpeg[1] == 0xD8, "the publicity download is a JPEG");
        await CheckAsync(page, "review card after the decisions", screenshot: "manager-review-decided");

        // Withdraw Ava's website consent in the grid: the preview names the photo, and only the confirmation saves.
        await ManagerConsole.OpenAsync(page, "consents.html");
        var websiteCell = page.Page.Locator($"tr[data-child='{ava.ChildId}'] td[data-purpose='website']");
        await Assertions.Expect(websiteCell).ToHaveAttributeAsync("data-status", "granted");
        await CheckAsync(page, "consent grid", screenshot: "manager-consents");
        await page.Page.GetByRole(AriaRole.Button, new() { Name = $"Change Website consent for {ava.ChildName}" }).ClickAsync();
        var editor = page.Page.Locator("#editor");
        await editor.GetByLabel("Consent", new() { Exact = true }).SelectOptionAsync("false");
        await editor.GetByLabel("Given or withdrawn by").FillAsync("Ava's mother");
        await editor.GetByLabel("Evidence (e.g. signed form, email)").FillAsync("Email of 1 December");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Check what changes" }).ClickAsync();
        await Assertions.Expect(page.Page.Locator("#preview-count")).ToHaveAttributeAsync("data-count", "1");
        var affected = page.Page.Locator($"#preview .affected li[data-media='{item.MediaId}']");
        await Assertions.Expect(affected).ToContainTextAsync("website: comes down");
        await Assertions.Expect(affected.Locator("img[src^='blob:']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Page.Locator("#preview .preview-counts li[data-purpose='website']")).ToHaveTextAsync("Website: 1 photo comes down.");
        Assert.HasCount(1, await website.WebsitePhotosAsync(), "the preview saves nothing: the photo is still on the website");
        await Assertions.Expect(websiteCell).ToHaveAttributeAsync("data-status", "granted");
        await CheckAsync(page, "consent change preview", screenshot: "manager-consent-preview");

        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Save this change" }).ClickAsync();
        await Assertions.Expect(page.Page.Locator($"tr[data-child='{ava.ChildId}'] td[data-purpose='website']")).ToHaveAttributeAsync("data-status", "withdrawn");
        Assert.IsTrue(await Poll.UntilAsync(async () => (await website.WebsitePhotosAsync()).Count == 0, FeedLimit), "the withdrawal takes the photo off the website feed");
        await CheckAsync(page, "consent grid after the withdrawal");
    }

    [TestMethod]
    public async Task ReviewQueue_BlockChosen_ItemBlockedAndNoFamilyReceivesIt()
    {
        var service = await StartServiceAsync();
        using var nursery = await Nursery.CreateAsync(service.Address);
        await nursery.GrantJournalAsync(avaGroup: false, benGroup: false, caraGroup: false);
        var upload = await nursery.Tablet.UploadAsync([UploadFile.FromPath(TestPhotos.Solos[1])], [nursery.Ava.ChildId, nursery.Ben.ChildId], "Building");
        var item = (await nursery.Tablet.WaitUntilDecidedAsync(upload.ObservationId, ProcessingLimit)).Single();
        Assert.AreEqual("needs-assignment", item.Status);

        var page = await NewPageAsync(service, Screens.Phone);
        await ManagerConsole.SignInAsync(page, "review.html");
        var card = page.Page.Locator($"article[data-media='{item.MediaId}']");
        await card.GetByLabel("Face 1").SelectOptionAsync($"child:{nursery.Ava.ChildId}");
        await card.GetByRole(AriaRole.Button, new() { Name = "Block" }).ClickAsync();

        await Assertions.Expect(card.Locator("[data-status]")).ToHaveAttributeAsync("data-status", "blocked");
        var review = await nursery.Manager.ReviewAsync();
        Assert.AreEqual("blocked", review.EnumerateArray().Single(i => i.GetProperty("mediaId").GetString() == item.MediaId).GetProperty("status").GetString());
        Assert.IsFalse((await nursery.Ava.Parent.ParentMediaAsync()).Any(m => m.MediaId == item.MediaId), "a blocked photo goes to no family");
        await CheckAsync(page, "review card after a block");
    }
}
