namespace MediaGate.Browser.Tests.Journal;

/// <summary>
/// After a withdrawal, a photo a family had already seen said "still being checked", with no reason (a nursery's
/// walkthrough). Two astronauts (a test-made photo) tagged Ava and Ben, both with the group option: shown to Ava's
/// family by matching counts with nobody named. Ben's family withdraws his journal consent: Ava's copy is taken down
/// until someone names the faces, and her parent's journal says it is being checked again (not why: Ben's family's change is not hers to know),
/// with no image.
/// </summary>
[TestClass]
public sealed class JournalCheckedAgainTests : BrowserTest
{
    private static readonly TimeSpan ProcessingLimit = TimeSpan.FromSeconds(240);

    [TestMethod]
    [Timeout(600_000, CooperativeCancellation = true)]
    public async Task Journal_ShownPhotoThenAConsentWithdrawn_SaysItIsCheckedAgainBecauseAConsentChangedWithNoImage()
    {
        var service = await StartServiceAsync();
        using var nursery = await Nursery.CreateAsync(service.Address);
        var (ava, ben) = (nursery.Ava, nursery.Ben);
        await nursery.GrantJournalAsync(avaGroup: true, benGroup: true, caraGroup: false);
        var password = $"Journal-Passphrase-{nursery.Tag}";
        using var avaParent = await JournalPage.SetPasswordAsync(nursery, ava, password);
        var page = await NewPageAsync(service, Screens.Phone);
        var photo = await TestImages.TwoFacesAsync(page.Page.Context, NewWorkFolder("photos"));
        var upload = await nursery.Tablet.UploadAsync([UploadFile.FromPath(photo)], [ava.ChildId, ben.ChildId], "Space suits");
        var item = (await nursery.Tablet.WaitUntilDecidedAsync(upload.ObservationId, ProcessingLimit)).Single();
        Assert.AreEqual("released", item.Status, $"two faces, two tagged children with the group option: shown without names\n{service.LogTail()}");

        var signIn = await JournalPage.SignInAsync(page.Page, ava.ParentUsername, password);
        Assert.AreEqual(200, signIn.Status);
        var entry = JournalPage.Entry(page.Page, item.MediaId);
        await Assertions.Expect(entry.Locator("img.photo")).ToBeVisibleAsync();

        await nursery.Manager.SetConsentAsync(ben.ChildId, "journal", granted: false);
        var listed = (await avaParent.ParentMediaAsync()).Single(m => m.MediaId == item.MediaId);
        Assert.AreEqual(("checking", "again"), (listed.Status, listed.Recheck), "the API says it is being checked again, not why");
        await page.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Check for new photos" }).ClickAsync();

        await Assertions.Expect(entry).ToContainTextAsync("Being checked again");
        await Assertions.Expect(entry).ToContainTextAsync(
            "This photo is being checked again by the nursery. It will be back here once it has been checked, if it can still be shown.");
        await Assertions.Expect(entry.Locator("img")).ToHaveCountAsync(0);
        await CheckAsync(page, "journal, a photo checked again after a consent change");
    }
}
