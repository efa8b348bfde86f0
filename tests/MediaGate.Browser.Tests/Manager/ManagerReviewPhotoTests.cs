using System.Text.RegularExpressions;

namespace MediaGate.Browser.Tests.Manager;

/// <summary>
/// A held group photo on the review page at a tablet's width (768 px), as the manager names its faces: the photo is
/// wide enough to tell the faces apart, each face's number sits in a tag above its box (never over the face), the
/// photo opens at the screen's width and closes back to the button, counts are in words ("1 photo", "2 faces"), and
/// a sentence by the decision buttons says what they do. The photo is two copies of the sample astronaut portrait.
/// </summary>
[TestClass]
public sealed partial class ManagerReviewPhotoTests : BrowserTest
{
    private static readonly TimeSpan ProcessingLimit = TimeSpan.FromSeconds(120);

    [TestMethod]
    public async Task ReviewPhoto_TabletWidth_TagsAboveTheFacesPhotoEnlargesAndButtonsExplained()
    {
        var service = await StartServiceAsync();
        using var nursery = await Nursery.CreateAsync(service.Address);
        await nursery.GrantJournalAsync(avaGroup: false, benGroup: false, caraGroup: false);
        var page = await NewPageAsync(service);
        var photo = await TestImages.TwoFacesAsync(page.Context, NewWorkFolder("photos"));
        var upload = await nursery.Tablet.UploadAsync([UploadFile.FromPath(photo)], [nursery.Ava.ChildId, nursery.Ben.ChildId], "Dressing up");
        var item = (await nursery.Tablet.WaitUntilDecidedAsync(upload.ObservationId, ProcessingLimit)).Single();
        Assert.HasCount(2, item.Faces, "the two astronauts");

        await ManagerConsole.SignInAsync(page, "review.html");
        var card = page.Page.Locator($"article[data-media='{item.MediaId}']");
        var image = card.Locator(".face-frame img");
        await image.WaitForAsync();
        await image.EvaluateAsync("img => img.decode()");

        // Counts in words: one photo waits, with two faces.
        await Assertions.Expect(page.Page.Locator("#content > p.hint")).ToHaveTextAsync(
            "1 photo waiting, oldest first. Name each face, then choose a purpose and a decision.");
        await Assertions.Expect(card.Locator("figcaption")).ToHaveTextAsync("2 faces found: tap a box to name it.");

        // At 768 px the photo takes the card's width (it was a third of it, 275 px wide for this photo).
        var shown = await image.BoundingBoxAsync() ?? throw new AssertFailedException("the photo is not shown");
        Assert.IsGreaterThanOrEqualTo(500, shown.Width, $"the photo is wide enough to tell the faces apart ({shown.Width} px)");

        // Each number is in a tag above its box, not on the face it labels.
        var boxes = card.Locator(".face-box");
        await Assertions.Expect(boxes).ToHaveCountAsync(2);
        for (int i = 0; i < 2; i++)
        {
            var box = await boxes.Nth(i).BoundingBoxAsync() ?? throw new AssertFailedException($"box {i} is not shown");
            var tag = await boxes.Nth(i).Locator(".face-number").BoundingBoxAsync() ?? throw new AssertFailedException($"tag {i} is not shown");
            Assert.IsLessThanOrEqualTo(box.Y + 0.5, tag.Y + tag.Height, $"tag {i} ends above its box (tag {tag.Y}+{tag.Height}, box top {box.Y})");
            Assert.IsGreaterThanOrEqualTo(0, tag.Y, $"tag {i} is on the page");
        }

        // The buttons say what they do: one sentence, read with each of them; Release and Block only (a second button
        // that did what Release does made a manager hesitate).
        var release = card.GetByRole(AriaRole.Button, new() { Name = "Release", Exact = true });
        await Assertions.Expect(release).ToHaveAccessibleDescriptionAsync(ReleaseHelp());
        await Assertions.Expect(card.Locator(".decision button")).ToHaveTextAsync(["Release", "Block"]);
        await Assertions.Expect(card.Locator(".decision-help")).ToBeVisibleAsync();
        await CheckAsync(page, "review: a group photo at a tablet's width", screenshot: "manager-review-photo");

        // For the website the buttons approve, and the sentence says so; with no face named, the button and the sentence
        // say before the press that every face will be masked in the website copy (a walkthrough approved such a photo and
        // got a copy with every face masked, the page saying only "approved and published").
        await card.GetByLabel("Purpose").SelectOptionAsync("website");
        var approveAllMasked = card.GetByRole(AriaRole.Button, new() { Name = "Approve for website with every face masked", Exact = true });
        await Assertions.Expect(approveAllMasked).ToHaveAccessibleDescriptionAsync(new Regex(
            "^Approve for website puts it on the website with every face not named masked.* Nobody in it is named as a child here, so every face will be masked in the website copy: name the children first"));
        await Assertions.Expect(release).ToHaveCountAsync(0);

        // One face named: the other is said to be masked, and the button is the plain approval.
        await card.GetByLabel("Face 1").SelectOptionAsync($"child:{nursery.Ava.ChildId}");
        await Assertions.Expect(card.GetByRole(AriaRole.Button, new() { Name = "Approve for website", Exact = true }))
            .ToHaveAccessibleDescriptionAsync(new Regex(" Face 2 is not named as a child here, so it will be masked in the website copy\\.$"));
        await card.GetByLabel("Face 1").SelectOptionAsync("unassigned");
        await card.GetByLabel("Purpose").SelectOptionAsync("journal");

        // In the journals nothing is claimed about unnamed faces (matching counts may show them).
        await Assertions.Expect(release).ToHaveAccessibleDescriptionAsync(ReleaseHelp());

        // Enlarged: the whole screen's width, the boxes still numbered above the faces; Escape or Close goes back.
        var enlarge = card.GetByRole(AriaRole.Button, new() { Name = "Enlarge the photo" });
        await enlarge.ClickAsync();
        var dialog = page.Page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        var large = dialog.Locator("img");
        await large.EvaluateAsync("img => img.decode()");
        var largeBox = await large.BoundingBoxAsync() ?? throw new AssertFailedException("the enlarged photo is not shown");
        Assert.IsGreaterThanOrEqualTo(Screens.Tablet.Width - 48, largeBox.Width, $"the enlarged photo is as wide as the screen ({largeBox.Width} px)");
        Assert.AreEqual(await image.GetAttributeAsync("src"), await large.GetAttributeAsync("src"), "the same master, not a second download");
        await Assertions.Expect(dialog.Locator(".face-number")).ToHaveTextAsync(["1", "2"]);
        await Assertions.Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Close" })).ToBeFocusedAsync();
        await CheckAsync(page, "review: the photo enlarged", screenshot: "manager-review-photo-large");
        await page.Page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(enlarge).ToBeFocusedAsync();

        await enlarge.PressAsync("Enter");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(enlarge).ToBeFocusedAsync();
    }

    [GeneratedRegex("^Release sends it out with every face not named, or without consent, masked; Block keeps it back for this purpose\\.$")]
    private static partial Regex ReleaseHelp();
}
