namespace MediaGate.Browser.Tests.Journal;

/// <summary>
/// The parents' journal with real photos (issue 8, section 2 and "Done when": "a parent signing in who sees exactly
/// their own child's items, with the other children masked"): a nursery set up through the API, a group photo of Ava
/// and Ben (neither with the group option) and a solo photo of each, processed by the real detector. Ava's parent
/// signs in on a phone: the group photo is labelled as being checked while its faces are unnamed, then shows with
/// Ben masked, on the pixels the page displays; nothing of Ben's family reaches the page or its network responses.
/// </summary>
[TestClass]
public sealed class JournalFamilyTests : BrowserTest
{
    private static readonly TimeSpan ProcessingLimit = TimeSpan.FromSeconds(240);

    [TestMethod]
    [Timeout(900_000, CooperativeCancellation = true)]
    public async Task Journal_ParentOfOneChild_SeesExactlyOwnItemsWithTheOtherChildMasked()
    {
        var service = await StartServiceAsync();
        using var nursery = await Nursery.CreateAsync(service.Address);
        var (ava, ben) = (nursery.Ava, nursery.Ben);
        await nursery.GrantJournalAsync(avaGroup: false, benGroup: false, caraGroup: false);
        var password = $"Journal-Passphrase-{nursery.Tag}";
        using var avaParent = await JournalPage.SetPasswordAsync(nursery, ava, password);

        var groupUpload = await nursery.Tablet.UploadAsync([UploadFile.FromPath(TestPhotos.GroupOfTwo)], [ava.ChildId, ben.ChildId], "Playing in the garden");
        var avaUpload = await nursery.Tablet.UploadAsync([UploadFile.FromPath(TestPhotos.Solos[0])], [ava.ChildId], "Painting");
        var benUpload = await nursery.Tablet.UploadAsync([UploadFile.FromPath(TestPhotos.Solos[1])], [ben.ChildId], "Building a tower");
        string groupId = groupUpload.Items[0].MediaId, avaSoloId = avaUpload.Items[0].MediaId, benSoloId = benUpload.Items[0].MediaId;
        foreach (var upload in new[] { avaUpload, benUpload })
        {
            var solo = (await nursery.Tablet.WaitUntilDecidedAsync(upload.ObservationId, ProcessingLimit)).Single();
            Assert.AreEqual("released", solo.Status, $"a consented solo photo is released\n{service.LogTail()}");
        }

        var group = (await nursery.Tablet.WaitUntilDecidedAsync(groupUpload.ObservationId, ProcessingLimit)).Single();
        Assert.HasCount(2, group.Faces, $"the group photo's two faces\n{service.LogTail()}");
        var faces = group.Faces.OrderBy(f => f.X).ToList();
        var (avaFace, benFace) = (faces[0], faces[1]);
        Assert.IsTrue(faces.All(f => f.ChildId is null), "two faces and two tagged children: nobody is assigned until staff say who is who");

        // Ava's parent, on a phone, while the group photo waits for its faces to be named: it is listed, plainly
        // labelled as being checked, with no image.
        var page = await NewPageAsync(service, Screens.Phone);
        var recorder = ResponseRecorder.Attach(page.Page);
        var signIn = await JournalPage.SignInAsync(page.Page, ava.ParentUsername, password);
        Assert.AreEqual(200, signIn.Status);
        await Assertions.Expect(page.Page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "Photos and videos of " + ava.ChildName })).ToBeVisibleAsync();
        var waiting = JournalPage.Entry(page.Page, groupId);
        await Assertions.Expect(waiting).ToContainTextAsync("Being checked");
        await Assertions.Expect(waiting).ToContainTextAsync("still being checked by the nursery");
        Assert.AreEqual(0, await waiting.Locator("img").CountAsync(), "an item being checked shows no image");
        await Assertions.Expect(JournalPage.Entry(page.Page, avaSoloId).Locator("img.photo")).ToBeVisibleAsync();
        await CheckAsync(page, "journal with an item being checked", screenshot: "journal-checking");

        // Staff name the faces (left Ava, right Ben); the setting may hold a photo that needs masks, and then the
        // manager releases it with masks (product.md).
        await nursery.Tablet.AssignFacesAsync(groupId, [new(avaFace.FaceId, ava.ChildId), new(benFace.FaceId, ben.ChildId)]);
        if (!await Poll.UntilAsync(async () => (await avaParent.ParentMediaAsync()).Any(m => m.MediaId == groupId && m.Status == "released"), TimeSpan.FromSeconds(15)))
        {
            await nursery.Manager.DecideAsync(groupId, "journal", "mask");
            Assert.IsTrue(
                await Poll.UntilAsync(async () => (await avaParent.ParentMediaAsync()).Any(m => m.MediaId == groupId && m.Status == "released"), TimeSpan.FromSeconds(30)),
                $"after the faces are named (and the manager's mask decision) the group photo is released for Ava's parent\n{service.LogTail()}");
        }

        await page.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Check for new photos" }).ClickAsync();
        var shownGroup = JournalPage.Entry(page.Page, groupId).Locator("img.photo");
        await Assertions.Expect(shownGroup).ToBeVisibleAsync();

        // Exactly Ava's items, newest first (the group photo was taken last... or not: the page keeps the API's order).
        var listed = await JournalPage.ListedAsync(page.Page);
        CollectionAssert.AreEquivalent(new[] { groupId, avaSoloId }, listed.ToArray(), "Ava's parent sees exactly Ava's items");
        var apiOrder = (await avaParent.ParentMediaAsync()).Select(m => m.MediaId).ToArray();
        CollectionAssert.AreEqual(apiOrder, listed.ToArray(), "the page keeps the API's newest-first order");

        // The photo shown is the parent's own rendition, through a blob: URL: Ava shown, Ben masked, on its pixels.
        StringAssert.StartsWith(await shownGroup.GetAttributeAsync("src"), "blob:", "images are shown through blob: URLs, never an API address");
        var shown = await JournalPage.ShownPhotoAsync(page.Page, groupId);
        var pixels = new FacePixels(await nursery.Manager.GetMasterAsync(groupId), shown, faces);
        Assert.IsTrue(pixels.IsShown(avaFace), "Ava's own parent sees Ava: " + pixels.Describe(avaFace));
        Assert.IsTrue(pixels.IsMasked(benFace), "Ben has no group option: masked in what Ava's parent's page shows: " + pixels.Describe(benFace));
        var alt = await shownGroup.GetAttributeAsync("alt") ?? string.Empty;
        StringAssert.Contains(alt, ava.ChildName, "the alt text names the parent's own child");

        await CheckAsync(page, "journal with photos", screenshot: "journal-photos");

        // Nothing of Ben's or Cara's family anywhere: the page's HTML, any response it received (URLs, headers,
        // bodies, images), and no image address in the page.
        var html = await page.Page.ContentAsync();
        var responses = await recorder.AllAsync();
        Assert.IsTrue(responses.Any(r => r.Url.Contains("/api/parent/media/" + groupId + "/image", StringComparison.Ordinal) && r.Status == 200), "the recorder saw the group photo's download");
        Assert.IsTrue(responses.Any(r => r.Url.EndsWith("/api/parent/children", StringComparison.Ordinal) && r.Mentions(ava.ChildName)), "the recorder saw Ava's name arrive");
        StringAssert.Contains(html, ava.ChildName, "the page names Ava (the check below can see names)");
        foreach (var other in new[] { ben, nursery.Cara })
        {
            foreach (var secret in new[] { other.ChildName, other.ChildId, other.ParentUsername, other.ParentAccountId })
            {
                Assert.DoesNotContain(secret, html, $"another family's '{secret}' in Ava's parent's page");
                var leak = responses.FirstOrDefault(r => r.Mentions(secret));
                Assert.IsNull(leak, $"another family's '{secret}' in a response Ava's parent's page received: {leak?.Url}");
            }
        }

        Assert.DoesNotContain(benSoloId, html, "Ben's solo photo is not in Ava's parent's page");
        Assert.IsFalse(responses.Any(r => r.Mentions(benSoloId)), "Ben's solo photo reached no response of Ava's parent's page");
        Assert.DoesNotContain("/api/parent/media/", html, "the page holds no image address another parent could try");
    }
}
