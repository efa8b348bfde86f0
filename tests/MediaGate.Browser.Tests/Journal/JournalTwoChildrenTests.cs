namespace MediaGate.Browser.Tests.Journal;

/// <summary>
/// A parent of two children (issue 8, section 2; journal brief: "a per-child filter if the parent has two
/// children", "event items marked"): Ava's and Cara's photos in one list, newest first, each entry naming its child;
/// a photo from an event Cara attended (Ben tagged in it) marked as an event; the filter shows one child's items.
/// </summary>
[TestClass]
public sealed class JournalTwoChildrenTests : BrowserTest
{
    private static readonly TimeSpan ProcessingLimit = TimeSpan.FromSeconds(240);

    [TestMethod]
    [Timeout(900_000, CooperativeCancellation = true)]
    public async Task Journal_ParentOfTwoChildren_ListsBothMarksEventsAndFiltersByChild()
    {
        var service = await StartServiceAsync();
        using var nursery = await Nursery.CreateAsync(service.Address);
        var (ava, ben, cara) = (nursery.Ava, nursery.Ben, nursery.Cara);
        await nursery.GrantJournalAsync(avaGroup: false, benGroup: false, caraGroup: false);
        await nursery.Manager.SetConsentAsync(cara.ChildId, "events", granted: true);
        var username = $"parent-of-two-{nursery.Tag}";
        var password = $"Two-Children-Passphrase-{nursery.Tag}";
        await nursery.Manager.CreateParentAsync(username, password, ava.ChildId, cara.ChildId);
        using var parent = await ApiClient.SignInAsync(service.Address, username, password);
        var sportsDay = await nursery.Manager.CreateEventAsync("Sports day " + nursery.Tag, "2026-07-01", ben.ChildId, cara.ChildId);

        var avaUpload = await nursery.Tablet.UploadAsync([UploadFile.FromPath(TestPhotos.Solos[0])], [ava.ChildId], "Painting");
        var caraUpload = await nursery.Tablet.UploadAsync([UploadFile.FromPath(TestPhotos.Solos[2])], [cara.ChildId], "Reading");
        var eventUpload = await nursery.Tablet.UploadAsync([UploadFile.FromPath(TestPhotos.Solos[1])], [ben.ChildId], null, eventId: sportsDay);
        foreach (var upload in new[] { avaUpload, caraUpload, eventUpload })
        {
            await nursery.Tablet.WaitUntilDecidedAsync(upload.ObservationId, ProcessingLimit);
        }

        string avaId = avaUpload.Items[0].MediaId, caraId = caraUpload.Items[0].MediaId, eventId = eventUpload.Items[0].MediaId;
        Assert.IsTrue(
            await Poll.UntilAsync(async () => (await parent.ParentMediaAsync()).Count(m => m.Status == "released") == 3, TimeSpan.FromSeconds(30)),
            $"the parent of two lists Ava's, Cara's and the event's photos, released: {string.Join(", ", await parent.ParentMediaAsync())}\n{service.LogTail()}");
        Assert.AreEqual("events", (await parent.ParentMediaAsync()).Single(m => m.MediaId == eventId).Purpose);

        var page = await NewPageAsync(service);
        await JournalPage.SignInAsync(page.Page, username, password);
        await Assertions.Expect(page.Page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "Your children's photos and videos" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Page.Locator("li.entry")).ToHaveCountAsync(3);
        var apiOrder = (await parent.ParentMediaAsync()).Select(m => m.MediaId).ToArray();
        CollectionAssert.AreEqual(apiOrder, (await JournalPage.ListedAsync(page.Page)).ToArray(), "all three, in the API's newest-first order");

        var eventEntry = JournalPage.Entry(page.Page, eventId);
        await Assertions.Expect(eventEntry.Locator(".badge")).ToHaveTextAsync("Event");
        await Assertions.Expect(eventEntry).ToContainTextAsync(cara.ChildName);
        await Assertions.Expect(eventEntry.Locator("img.photo")).ToHaveAttributeAsync("alt", new System.Text.RegularExpressions.Regex("^Photo from an event " + cara.ChildName + " attended"));
        Assert.DoesNotContain(ben.ChildName, await page.Page.ContentAsync(), "the event photo's tagged child (another family) is named nowhere");
        await Assertions.Expect(JournalPage.Entry(page.Page, avaId)).ToContainTextAsync(ava.ChildName);
        await Assertions.Expect(JournalPage.Entry(page.Page, avaId).Locator(".badge")).ToHaveCountAsync(0);
        foreach (var id in apiOrder)
        {
            await JournalPage.Entry(page.Page, id).Locator("img.photo").ScrollIntoViewIfNeededAsync();
            await Assertions.Expect(JournalPage.Entry(page.Page, id).Locator("img.photo")).ToBeVisibleAsync();
        }

        await CheckAsync(page, "journal of a parent of two children", screenshot: "journal-two-children");

        var filter = page.Page.GetByLabel("Show photos of");
        await filter.SelectOptionAsync(new SelectOptionValue { Label = cara.ChildName });
        await Assertions.Expect(page.Page.Locator("li.entry")).ToHaveCountAsync(2);
        CollectionAssert.AreEquivalent(new[] { caraId, eventId }, (await JournalPage.ListedAsync(page.Page)).ToArray(), "Cara's items only");
        await filter.SelectOptionAsync(new SelectOptionValue { Label = ava.ChildName });
        CollectionAssert.AreEquivalent(new[] { avaId }, (await JournalPage.ListedAsync(page.Page)).ToArray(), "Ava's items only");
        await filter.SelectOptionAsync(new SelectOptionValue { Label = "All my children" });
        await Assertions.Expect(page.Page.Locator("li.entry")).ToHaveCountAsync(3);
        await CheckAsync(page, "journal filtered back to all children");
    }
}
