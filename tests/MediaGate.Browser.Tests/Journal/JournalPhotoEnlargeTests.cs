namespace MediaGate.Browser.Tests.Journal;

/// <summary>
/// A parent enlarges a photo in the journal on a phone: a tap opens it at the screen's width in a dialog (the same
/// rendition the list shows, no second download), Close or Escape closes it, the keyboard opens it too, and the focus
/// goes back to the photo. The photo is the sample astronaut portrait (one face), tagged Ava, released for her family.
/// </summary>
[TestClass]
public sealed class JournalPhotoEnlargeTests : BrowserTest
{
    private static readonly TimeSpan ProcessingLimit = TimeSpan.FromSeconds(120);

    [TestMethod]
    public async Task Journal_PhotoTapped_OpensLargeAndClosesBackToThePhoto()
    {
        var service = await StartServiceAsync();
        using var nursery = await Nursery.CreateAsync(service.Address);
        var ava = nursery.Ava;
        await nursery.GrantJournalAsync(avaGroup: false, benGroup: false, caraGroup: false);
        var password = $"Journal-Passphrase-{nursery.Tag}";
        using var parent = await JournalPage.SetPasswordAsync(nursery, ava, password);
        var upload = await nursery.Tablet.UploadAsync([UploadFile.FromPath(TestImages.Astronaut)], [ava.ChildId], "Dressing up");
        var item = (await nursery.Tablet.WaitUntilDecidedAsync(upload.ObservationId, ProcessingLimit)).Single();
        Assert.AreEqual("released", item.Status, "one face, Ava tagged, with journal consent: released");
        Assert.IsTrue(await Poll.UntilAsync(async () => (await parent.ParentMediaAsync()).Any(m => m.MediaId == item.MediaId && m.Status == "released"), TimeSpan.FromSeconds(15)),
            "Ava's parent has the photo");

        var page = await NewPageAsync(service, Screens.Phone);
        Assert.AreEqual(200, (await JournalPage.SignInAsync(page.Page, ava.ParentUsername, password)).Status);
        var entry = JournalPage.Entry(page.Page, item.MediaId);
        var small = entry.Locator("img.photo");
        await Assertions.Expect(small).ToBeVisibleAsync();
        var alt = await small.GetAttributeAsync("alt") ?? string.Empty;
        var open = entry.GetByRole(AriaRole.Button, new() { Name = "Show larger: " + alt, Exact = true });

        await open.ClickAsync();
        var dialog = page.Page.GetByRole(AriaRole.Dialog, new() { Name = alt, Exact = true });
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        var large = dialog.Locator("img");
        Assert.AreEqual(await small.GetAttributeAsync("src"), await large.GetAttributeAsync("src"), "the rendition already fetched, through its blob: URL");
        var box = await large.BoundingBoxAsync() ?? throw new AssertFailedException("the large photo is not shown");
        Assert.IsGreaterThanOrEqualTo(Screens.Phone.Width - 24, box.Width, $"the photo takes the phone's width ({box.Width} px)");
        var close = dialog.GetByRole(AriaRole.Button, new() { Name = "Close" });
        await Assertions.Expect(close).ToBeFocusedAsync();
        await CheckAsync(page, "journal: a photo enlarged", screenshot: "journal-photo-large");

        await page.Page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(open).ToBeFocusedAsync();

        await page.Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await close.ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(open).ToBeFocusedAsync();
        await CheckAsync(page, "journal: back from the large photo");
    }
}
