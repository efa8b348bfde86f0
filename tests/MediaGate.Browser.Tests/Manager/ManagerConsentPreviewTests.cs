using System.Text.RegularExpressions;

namespace MediaGate.Browser.Tests.Manager;

/// <summary>
/// Issue 13: the consent preview counted photos as "released" on the website where none was. A group photo approved
/// for the website but kept off it (Ben has no website consent, so it would need him masked) is not on the website:
/// withdrawing Ava's website consent takes nothing down, and the preview says so, with a thumbnail of the photo.
/// The photo is a real one from ../shared/eval: no screenshot is taken.
/// </summary>
[TestClass]
public sealed class ManagerConsentPreviewTests : BrowserTest
{
    private static readonly TimeSpan ProcessingLimit = TimeSpan.FromSeconds(120);

    [TestMethod]
    public async Task ConsentPreview_WebsiteApprovedButKeptOff_NotCountedAsReleasedAndThumbnailShown()
    {
        var service = await StartServiceAsync();
        using var nursery = await Nursery.CreateAsync(service.Address);
        var ava = nursery.Ava;
        await nursery.GrantJournalAsync(avaGroup: true, benGroup: true, caraGroup: false);
        await nursery.Manager.SetConsentAsync(ava.ChildId, "website", granted: true);
        var upload = await nursery.Tablet.UploadAsync([UploadFile.FromPath(TestPhotos.GroupOfTwo)], [ava.ChildId, nursery.Ben.ChildId], "Two friends");
        var item = (await nursery.Tablet.WaitUntilDecidedAsync(upload.ObservationId, ProcessingLimit)).Single();
        Assert.HasCount(2, item.Faces, "the two people of the photo");
        var named = new[] { new FaceAssignmentBody(item.Faces[0].FaceId, ava.ChildId), new FaceAssignmentBody(item.Faces[1].FaceId, nursery.Ben.ChildId) };
        await nursery.Manager.DecideAsync(item.MediaId, "journal", "release", named);
        await nursery.Manager.DecideAsync(item.MediaId, "website", "release", named);
        using var website = ApiClient.Website(service.Address, await nursery.Manager.CreateWebsiteKeyAsync("site-" + nursery.Tag));
        Assert.IsEmpty(await website.WebsitePhotosAsync(), "approved, but Ben would need a mask: the photo stays off the website");

        var page = await NewPageAsync(service);
        await ManagerConsole.SignInAsync(page, "consents.html");
        await CheckWithdrawalAsync(page, "Website", ava.ChildName);

        await Assertions.Expect(page.Page.Locator("#preview-count")).ToHaveAttributeAsync("data-count", "0");
        await Assertions.Expect(page.Page.Locator("#preview-count")).ToHaveTextAsync("No released photo changes. 1 photo not shown to anyone now will be decided again.");
        await Assertions.Expect(page.Page.Locator("#preview .preview-counts li[data-purpose='website']")).ToHaveTextAsync("Website: 1 photo not shown now is decided again.");
        var affected = page.Page.Locator($"#preview .affected li[data-media='{item.MediaId}']");
        await Assertions.Expect(affected.Locator("img[src^='blob:']")).ToHaveCountAsync(1);
        await CheckAsync(page, "consent preview, nothing on the website");
    }

    /// <summary>
    /// The preview counted a video as a photo ("1 photo comes down" for a clip). The service's answer is given here (one
    /// video and one photo coming down from the journal), so that only the page's counting is under test.
    /// </summary>
    [TestMethod]
    public async Task ConsentPreview_AVideoAndAPhotoComeDown_CountedAsAPhotoAndAVideo()
    {
        var service = await StartServiceAsync();
        using var nursery = await Nursery.CreateAsync(service.Address);
        var ava = nursery.Ava;
        await nursery.GrantJournalAsync(avaGroup: true, benGroup: true, caraGroup: false);
        var page = await NewPageAsync(service);
        page.Probe.ExpectConsoleError("status of 404");
        const string Answer = """
            {"affected":[
              {"mediaId":"0123456789abcdef0123456789abcde1","purposesChanging":["journal"],"takenAt":"2026-12-01T10:00:00Z","kind":"video",
               "changes":[{"purpose":"journal","audience":"parent:a","change":"withdraw","verdict":"block","shown":true,"staysShown":false}]},
              {"mediaId":"0123456789abcdef0123456789abcde2","purposesChanging":["journal"],"takenAt":"2026-12-01T09:00:00Z","kind":"photo",
               "changes":[{"purpose":"journal","audience":"parent:a","change":"withdraw","verdict":"block","shown":true,"staysShown":false}]}],
             "count":2}
            """;
        await page.Page.RouteAsync("**/api/manager/consents/preview", route => route.FulfillAsync(new() { Status = 200, ContentType = "application/json", Body = Answer }));
        await ManagerConsole.SignInAsync(page, "consents.html");
        await CheckWithdrawalAsync(page, "Journal", ava.ChildName);

        await Assertions.Expect(page.Page.Locator("#preview-count")).ToHaveTextAsync("1 photo and 1 video released now will be made again or withdrawn.");
        await Assertions.Expect(page.Page.Locator("#preview .preview-counts li[data-purpose='journal']")).ToHaveTextAsync("Journal: 1 photo and 1 video come down.");
        await Assertions.Expect(page.Page.Locator("#preview .affected li[data-media='0123456789abcdef0123456789abcde1'] img")).ToHaveAttributeAsync("alt", new Regex("^Video taken "));
    }

    /// <summary>
    /// A withdrawal sent other families' photos back to be checked (the walk-through: "9 photos come down", then 6 new
    /// items waited for a face to be named, which the preview never said). The service's answer is given here (three
    /// photos coming down from the journal, two of them decided again as held), so that only the page's words are under test.
    /// </summary>
    [TestMethod]
    public async Task ConsentPreview_PhotosComingDownAsHeld_SaysTheyWaitUntilAFaceIsNamed()
    {
        var service = await StartServiceAsync();
        using var nursery = await Nursery.CreateAsync(service.Address);
        var page = await NewPageAsync(service);
        page.Probe.ExpectConsoleError("status of 404");
        const string Answer = """
            {"affected":[
              {"mediaId":"0123456789abcdef0123456789abcde1","purposesChanging":["journal"],"takenAt":"2026-12-01T10:00:00Z","kind":"photo",
               "changes":[{"purpose":"journal","audience":"parent:b","change":"withdraw","verdict":"hold","shown":true,"staysShown":false}]},
              {"mediaId":"0123456789abcdef0123456789abcde2","purposesChanging":["journal"],"takenAt":"2026-12-01T09:00:00Z","kind":"photo",
               "changes":[{"purpose":"journal","audience":"parent:b","change":"withdraw","verdict":"hold","shown":true,"staysShown":false}]},
              {"mediaId":"0123456789abcdef0123456789abcde3","purposesChanging":["journal"],"takenAt":"2026-12-01T08:00:00Z","kind":"photo",
               "changes":[{"purpose":"journal","audience":"parent:a","change":"withdraw","verdict":"block","shown":true,"staysShown":false}]}],
             "count":3}
            """;
        await page.Page.RouteAsync("**/api/manager/consents/preview", route => route.FulfillAsync(new() { Status = 200, ContentType = "application/json", Body = Answer }));
        await ManagerConsole.SignInAsync(page, "consents.html");
        await CheckWithdrawalAsync(page, "Journal", nursery.Ava.ChildName);

        await Assertions.Expect(page.Page.Locator("#preview .preview-counts li[data-purpose='journal']"))
            .ToHaveTextAsync("Journal: 3 photos come down (2 of them wait until a face is named on the tablet or in Review, then go out again).");
        await Assertions.Expect(page.Page.Locator("#preview .affected li[data-media='0123456789abcdef0123456789abcde1']")).ToContainTextAsync("journal: comes down until a face is named");
        await Assertions.Expect(page.Page.Locator("#preview .affected li[data-media='0123456789abcdef0123456789abcde3']")).Not.ToContainTextAsync("until a face is named");
    }

    /// <summary>
    /// The preview said "No photo changes." whatever the items were, and "No released photo changes." of a video. The
    /// service's answers are given here (nothing affected; then one video shown to nobody), so that only the page's
    /// words are under test.
    /// </summary>
    [TestMethod]
    public async Task ConsentPreview_NothingThenOnlyAVideoNotShown_SaysPhotoOrVideoThenVideo()
    {
        var service = await StartServiceAsync();
        using var nursery = await Nursery.CreateAsync(service.Address);
        var page = await NewPageAsync(service);
        page.Probe.ExpectConsoleError("status of 404");
        string answer = """{"affected":[],"count":0}""";
        await page.Page.RouteAsync("**/api/manager/consents/preview", route => route.FulfillAsync(new() { Status = 200, ContentType = "application/json", Body = answer }));
        await ManagerConsole.SignInAsync(page, "consents.html");
        var count = page.Page.Locator("#preview-count");

        await CheckWithdrawalAsync(page, "Journal", nursery.Ava.ChildName);
        await Assertions.Expect(count).ToHaveTextAsync("No photo or video changes.");

        answer = """
            {"affected":[
              {"mediaId":"0123456789abcdef0123456789abcde1","purposesChanging":["journal"],"takenAt":"2026-12-01T10:00:00Z","kind":"video",
               "changes":[{"purpose":"journal","audience":"parent:a","change":"reconsider","verdict":"block","shown":false,"staysShown":false}]}],
             "count":1}
            """;
        await CheckWithdrawalAsync(page, "Journal", nursery.Ava.ChildName);
        await Assertions.Expect(count).ToHaveTextAsync("No released video changes. 1 video not shown to anyone now will be decided again.");
    }

    /// <summary>Opens the <paramref name="purpose"/> consent editor of <paramref name="childName"/>, fills a withdrawal and asks what it would change.</summary>
    private static async Task CheckWithdrawalAsync(BrowserPage page, string purpose, string childName)
    {
        await page.Page.GetByRole(AriaRole.Button, new() { Name = $"Change {purpose} consent for {childName}" }).ClickAsync();
        var editor = page.Page.Locator("#editor");
        await editor.GetByLabel("Consent", new() { Exact = true }).SelectOptionAsync("false");
        await editor.GetByLabel("Given or withdrawn by").FillAsync("Ava's mother");
        await editor.GetByLabel("Evidence (e.g. signed form, email)").FillAsync("Email of 2 December");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Check what changes" }).ClickAsync();
    }

    [TestMethod]
    public async Task ConsentEditor_NeverAsked_StartsOnChooseAndGroupPhotosNeedAConsent()
    {
        var service = await StartServiceAsync();
        using var manager = await ApiClient.SignInAsync(service.Address, ServiceSettings.ManagerUsername, ServiceSettings.ManagerPassword);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var name = $"Fern Zq{tag}";
        await manager.CreateChildAsync(name, "Robins");
        var page = await NewPageAsync(service, Screens.Tablet);
        await ManagerConsole.SignInAsync(page, "consents.html");
        await page.Page.GetByRole(AriaRole.Button, new() { Name = $"Change Journal consent for {name}" }).ClickAsync();
        var editor = page.Page.Locator("#editor");
        var consent = editor.GetByLabel("Consent", new() { Exact = true });
        var group = editor.GetByLabel("Also in group photos other families receive");

        // Never asked: no answer is assumed (it opened on "No consent (withdraw)"), and no group option without a consent.
        Assert.AreEqual(string.Empty, await consent.InputValueAsync(), "a consent never asked starts on Choose");
        await Assertions.Expect(group).ToBeDisabledAsync();
        await editor.GetByLabel("Given or withdrawn by").FillAsync("Fern's father");
        await editor.GetByLabel("Evidence (e.g. signed form, email)").FillAsync("Form of 3 December");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Check what changes" }).ClickAsync();
        await Assertions.Expect(page.Page.Locator("#preview-count")).ToHaveCountAsync(0);
        await CheckAsync(page, "consent editor, never asked");

        await consent.SelectOptionAsync("true");
        await group.CheckAsync();
        await consent.SelectOptionAsync("false");
        await Assertions.Expect(group).Not.ToBeCheckedAsync();
        await Assertions.Expect(group).ToBeDisabledAsync();
        await consent.SelectOptionAsync("true");
        await group.CheckAsync();
        await editor.GetByRole(AriaRole.Button, new() { Name = "Check what changes" }).ClickAsync();
        await Assertions.Expect(page.Page.Locator("#preview-count")).ToHaveCountAsync(1);
    }
}
