using System.Globalization;
using System.Text.Json;

namespace MediaGate.Browser.Tests.Manager;

/// <summary>
/// The console's issue-12 views against a real service: a photo released with nobody touching it is offered in the
/// "Released photos" view and approved there for the website; a certain detection dismissed as "not a face" on the
/// tablet is listed, with its crop, under "Spot checks". The photo is the sample astronaut portrait (one clear face).
/// </summary>
[TestClass]
public sealed class ManagerReleasedAndSpotChecksTests : BrowserTest
{
    private static readonly TimeSpan ProcessingLimit = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan FeedLimit = TimeSpan.FromSeconds(15);

    [TestMethod]
    public async Task ReleasedPhotosView_PhotoReleasedUntouched_ApprovedForTheWebsiteAndInTheFeed()
    {
        var service = await StartServiceAsync();
        using var nursery = await Nursery.CreateAsync(service.Address);
        var ava = nursery.Ava;
        await nursery.GrantJournalAsync(avaGroup: false, benGroup: false, caraGroup: false);
        await nursery.Manager.SetConsentAsync(ava.ChildId, "website", granted: true);
        var upload = await nursery.Tablet.UploadAsync([UploadFile.FromPath(TestImages.Astronaut)], [ava.ChildId], "Dressing up");
        var item = (await nursery.Tablet.WaitUntilDecidedAsync(upload.ObservationId, ProcessingLimit)).Single();
        Assert.AreEqual("released", item.Status, "one face, one tagged child with journal consent: released with nobody touching it");
        using var website = ApiClient.Website(service.Address, await nursery.Manager.CreateWebsiteKeyAsync("site-" + nursery.Tag));
        Assert.IsEmpty(await website.WebsitePhotosAsync(), "nothing is on the website before the manager approves it");

        var page = await NewPageAsync(service);
        await ManagerConsole.SignInAsync(page, "review.html");
        await page.Page.GetByRole(AriaRole.Navigation, new() { Name = "Review views" }).GetByRole(AriaRole.Link, new() { Name = "Released photos" }).ClickAsync();
        await page.Page.GetByRole(AriaRole.Heading, new() { Name = "Released photos", Level = 2 }).WaitForAsync();
        var card = page.Page.Locator($"article[data-media='{item.MediaId}']");
        await card.Locator("img").WaitForAsync();
        await page.Page.WaitForFunctionAsync("() => [...document.querySelectorAll('article img')].every(i => i.complete && i.naturalWidth > 0)");
        await Assertions.Expect(card.Locator(".summary")).Not.ToBeEmptyAsync();
        await Assertions.Expect(card.GetByLabel("Purpose")).ToHaveValueAsync("website");
        // One photo, in words; for the website the photo is approved, and a sentence by the buttons says what they do.
        await Assertions.Expect(page.Page.Locator("#content > p.hint")).ToHaveTextAsync(
            "1 photo already released to families. Choose Website or Publicity, then press Approve for website (or for publicity).");
        var approve = card.GetByRole(AriaRole.Button, new() { Name = "Approve for website", Exact = true });
        await Assertions.Expect(approve).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex("^Approve for website puts it on the website with every face not named masked"));
        await Assertions.Expect(card.GetByRole(AriaRole.Button, new() { Name = "Release", Exact = true })).ToHaveCountAsync(0);
        // A face not named is not always masked (matching counts shows it): the page says when, and claims nothing else.
        await Assertions.Expect(card.Locator("fieldset.faces p.hint")).ToContainTextAsync("except where the photo's certain faces are exactly as many as its tagged children");
        await Assertions.Expect(card.Locator("option", new() { HasText = "stays masked" })).ToHaveCountAsync(0);
        await CheckAsync(page, "released photos view", screenshot: "manager-released");

        await approve.ClickAsync();
        await Assertions.Expect(card.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved: approved for website.");
        await Assertions.Expect(card).ToContainTextAsync("website: approved");
        await Assertions.Expect(card).Not.ToContainTextAsync("website: released");
        await Assertions.Expect(card.GetByRole(AriaRole.Status)).Not.ToContainTextAsync("now held");
        Assert.IsTrue(await Poll.UntilAsync(async () => (await website.WebsitePhotosAsync()).Count == 1, FeedLimit), "the approved photo reaches the website feed");
        await CheckAsync(page, "released photo approved for the website");
    }

    [TestMethod]
    public async Task SpotChecks_CertainDetectionDismissedAsNotAFace_ListedWithItsCropAndScore()
    {
        var service = await StartServiceAsync();
        using var nursery = await Nursery.CreateAsync(service.Address);
        await nursery.GrantJournalAsync(avaGroup: false, benGroup: false, caraGroup: false);
        var upload = await nursery.Tablet.UploadAsync([UploadFile.FromPath(TestImages.Astronaut)], [nursery.Ava.ChildId], "Dressing up");
        var item = (await nursery.Tablet.WaitUntilDecidedAsync(upload.ObservationId, ProcessingLimit)).Single();
        var face = item.Faces.Single();
        using (var dismissed = await nursery.Tablet.SendAsync(HttpMethod.Put, $"/api/tablet/media/{item.MediaId}/faces",
            ApiClient.JsonBody(new[] { new { faceId = face.FaceId, childId = (string?)null, kind = "not-a-face" } })))
        {
            await ApiClient.ExpectAsync(dismissed, "PUT faces: not a face", System.Net.HttpStatusCode.OK);
        }

        var page = await NewPageAsync(service);
        await ManagerConsole.SignInAsync(page, "spot-checks.html");

        var card = page.Page.Locator($"li.dismissal[data-media='{item.MediaId}'][data-face='{AsText(face.FaceId)}']");
        await Assertions.Expect(card).ToBeVisibleAsync();
        await card.Locator("img").WaitForAsync();
        Assert.IsTrue(await card.Locator("img").EvaluateAsync<bool>("img => img.decode().then(() => img.naturalWidth > 0 && img.src.startsWith('blob:'))"), "the crop is shown through a blob: URL");
        await Assertions.Expect(card).ToContainTextAsync(face.Score.ToString("0.00", CultureInfo.InvariantCulture));
        await Assertions.Expect(card).ToContainTextAsync(nursery.StaffUsername);
        await CheckAsync(page, "spot checks", screenshot: "manager-spot-checks");
    }

    private static string AsText(JsonElement id) => id.ValueKind == JsonValueKind.String ? id.GetString()! : id.GetRawText();
}
