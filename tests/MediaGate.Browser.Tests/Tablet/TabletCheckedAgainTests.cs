namespace MediaGate.Browser.Tests.Tablet;

/// <summary>
/// An upload a consent change sent back said only "Waiting for you" on the tablet, as if it had never been decided, so
/// staff who had seen it released took it for a fault. Two astronauts (a test-made photo) tagged Ava and Ben, both with
/// the group option: released by matching counts with nobody named. Ben's family withdraws his journal consent: the
/// photo waits for its faces to be named again, the API marks it <c>recheck</c> <c>again</c>, and the tablet's recent
/// uploads say it is being checked again after a consent change (staff may know why; the families are not told).
/// </summary>
[TestClass]
public sealed class TabletCheckedAgainTests : BrowserTest
{
    private static readonly TimeSpan ProcessingLimit = TimeSpan.FromSeconds(240);

    [TestMethod]
    [Timeout(600_000, CooperativeCancellation = true)]
    public async Task RecentUploads_ReleasedPhotoThenAConsentWithdrawn_SaysItIsBeingCheckedAgainAfterAConsentChange()
    {
        var service = await StartServiceAsync();
        using var nursery = await Nursery.CreateAsync(service.Address);
        var (ava, ben) = (nursery.Ava, nursery.Ben);
        await nursery.GrantJournalAsync(avaGroup: true, benGroup: true, caraGroup: false);
        var tablet = new TabletPage(await NewPageAsync(service));
        var photo = await TestImages.TwoFacesAsync(tablet.Page.Context, NewWorkFolder("photos"));
        var upload = await nursery.Tablet.UploadAsync([UploadFile.FromPath(photo)], [ava.ChildId, ben.ChildId], "Space suits");
        var item = (await nursery.Tablet.WaitUntilDecidedAsync(upload.ObservationId, ProcessingLimit)).Single();
        Assert.AreEqual("released", item.Status, $"two faces, two tagged children with the group option: shown without names\n{service.LogTail()}");
        Assert.IsNull(item.Recheck, "a first decision is no re-check");

        await nursery.Manager.SetConsentAsync(ben.ChildId, "journal", granted: false);
        var sentBack = (await nursery.Tablet.ObservationAsync(upload.ObservationId)).Single();
        Assert.AreEqual(("needs-assignment", "again"), (sentBack.Status, sentBack.Recheck), "the API marks the item sent back by the consent change");

        await tablet.StartAsync(nursery);
        var badge = tablet.Page.Locator($"#recent-list li[data-media='{item.MediaId}'] .badge");
        await Assertions.Expect(badge).ToHaveTextAsync("Being checked again after a consent change: say who the 2 highlighted faces are.");
        await CheckAsync(tablet.Browser, "tablet: an upload checked again after a consent change");
    }
}
