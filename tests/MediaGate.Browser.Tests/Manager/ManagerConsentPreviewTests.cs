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
        await page.Page.GetByRole(AriaRole.Button, new() { Name = $"Change Website consent for {ava.ChildName}" }).ClickAsync();
        var editor = page.Page.Locator("#editor");
        await editor.GetByLabel("Consent", new() { Exact = true }).SelectOptionAsync("false");
        await editor.GetByLabel("Given or withdrawn by").FillAsync("Ava's mother");
        await editor.GetByLabel("Evidence (e.g. signed form, email)").FillAsync("Email of 2 December");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Check what changes" }).ClickAsync();

        await Assertions.Expect(page.Page.Locator("#preview-count")).ToHaveAttributeAsync("data-count", "0");
        await Assertions.Expect(page.Page.Locator("#preview-count")).ToHaveTextAsync("No released photo changes. 1 photo not shown to anyone now will be decided again.");
        await Assertions.Expect(page.Page.Locator("#preview .preview-counts li[data-purpose='website']")).ToHaveTextAsync("Website: 1 photo not shown now is decided again.");
        var affected = page.Page.Locator($"#preview .affected li[data-media='{item.MediaId}']");
        await Assertions.Expect(affected.Locator("img[src^='blob:']")).ToHaveCountAsync(1);
        await CheckAsync(page, "consent preview, nothing on the website");
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
