using System.Text.Json;

namespace MediaGate.Browser.Tests.Tablet;

/// <summary>
/// The tablet page end to end (issue 8, "Done when"; issue 12 §2, the loop closed at capture): enrol the device, sign
/// in with the PIN, upload a photo of two faces tagged with two children, see the boxes appear without reloading and
/// answer each face with one tap; every state axe-clean, with screenshots. The photos in screenshots are made from
/// the sample photos (<see cref="TestImages"/>).
/// </summary>
[TestClass]
public sealed class TabletPageTests : BrowserTest
{
    private static readonly TimeSpan ProcessingLimit = TimeSpan.FromSeconds(120);

    [TestMethod]
    public async Task Tablet_NoteNamingAChildAFamilyMayNotSee_ShowsThatFamilysCopyAsTheyType()
    {
        var service = await StartServiceAsync();
        using var nursery = await Nursery.CreateAsync(service.Address);
        // Ava's family lets other families see her; Ben's does not, so Ava's parents must not read Ben's name.
        await nursery.GrantJournalAsync(avaGroup: true, benGroup: false, caraGroup: false);
        var tablet = new TabletPage(await NewPageAsync(service));
        await tablet.OpenAsync();
        await tablet.EnrolAsync(nursery.Device);
        await tablet.SignInAsync(nursery.StaffUsername, nursery.StaffPin);
        await tablet.WaitUntilSignedInAsync();

        await tablet.TagAsync($"{nursery.Ava.ChildName} (Robins)", $"{nursery.Ben.ChildName} (Robins)");
        await tablet.NoteAsync("Ava and Ben sharing the blanket");

        var preview = tablet.Page.Locator("#note-preview");
        await Assertions.Expect(preview).ToBeVisibleAsync();
        string text = await preview.InnerTextAsync();
        StringAssert.Contains(text, $"{nursery.Ava.ChildName}'s family: Ava and a friend sharing the blanket", "Ava's family reads the note without Ben's name");
        Assert.DoesNotContain($"{nursery.Ben.ChildName}'s family", text, "Ben's family reads the note as typed (Ava may be seen), so it is not listed");
        await CheckAsync(tablet.Browser, "tablet: a note as each family will read it", "tablet-note-preview");

        await tablet.NoteAsync("Sharing the blanket");
        await Assertions.Expect(preview).ToBeHiddenAsync();
    }

    [TestMethod]
    public async Task Tablet_EnrolWithAWrongSecret_IsRefusedWhereItWasTypedAndNothingIsKept()
    {
        var service = await StartServiceAsync();
        using var nursery = await Nursery.CreateAsync(service.Address);
        var tablet = new TabletPage(await NewPageAsync(service));
        await tablet.OpenAsync();

        await tablet.Page.GetByLabel("Device id").FillAsync(nursery.Device.DeviceId);
        await tablet.Page.GetByLabel("Device secret").FillAsync(nursery.Device.DeviceSecret + "x");
        await tablet.Page.GetByRole(AriaRole.Button, new() { Name = "Save device" }).ClickAsync();

        var alert = tablet.Page.Locator("#enrol-error");
        await alert.WaitForAsync();
        StringAssert.Contains(await alert.TextContentAsync(), "device id or secret is wrong", "the manager's typing mistake is named at enrolment, not at the staff sign-in");
        Assert.IsFalse(await tablet.Page.GetByRole(AriaRole.Heading, new() { Name = "Staff sign-in" }).IsVisibleAsync(), "no staff sign-in on an unchecked device");
        Assert.AreEqual("null", await tablet.Page.EvaluateAsync<string>("() => String(localStorage.getItem('mediagate.tablet.device'))"), "a wrong pair is not kept on the tablet");

        await tablet.EnrolAsync(nursery.Device);
    }

    [TestMethod]
    public async Task Tablet_EnrolSecret_ShownOnRequestToCheckItsTyping()
    {
        var service = await StartServiceAsync();
        using var nursery = await Nursery.CreateAsync(service.Address);
        var tablet = new TabletPage(await NewPageAsync(service));
        await tablet.OpenAsync();

        // The 43-character secret is typed by hand: the person typing can show it to check it, and hide it again.
        var secret = tablet.Page.GetByLabel("Device secret");
        var show = tablet.Page.GetByRole(AriaRole.Checkbox, new() { Name = "Show the secret" });
        await secret.FillAsync(nursery.Device.DeviceSecret);
        await Assertions.Expect(secret).ToHaveAttributeAsync("type", "password");
        await show.CheckAsync();
        await Assertions.Expect(secret).ToHaveAttributeAsync("type", "text");
        await Assertions.Expect(secret).ToHaveValueAsync(nursery.Device.DeviceSecret);
        await CheckAsync(tablet.Browser, "tablet: enrolment with the secret shown");
        await show.UncheckAsync();
        await Assertions.Expect(secret).ToHaveAttributeAsync("type", "password");
        await show.CheckAsync();
        await tablet.EnrolAsync(nursery.Device);
        Assert.AreEqual("password", await secret.GetAttributeAsync("type"), "after enrolment the secret box is hidden again");
    }

    [TestMethod]
    public async Task Tablet_SignedIn_TheHeaderNamesWhoseNameUploadsCarry()
    {
        var service = await StartServiceAsync();
        using var nursery = await Nursery.CreateAsync(service.Address);
        var tablet = new TabletPage(await NewPageAsync(service));
        await tablet.OpenAsync();
        await tablet.EnrolAsync(nursery.Device);

        // On a shared tablet the header says whose name the uploads carry, and stops saying it on sign-out.
        var header = tablet.Page.Locator("header.site");
        await Assertions.Expect(header).Not.ToContainTextAsync("Signed in");
        await tablet.SignInAsync(nursery.StaffUsername, nursery.StaffPin);
        await tablet.WaitUntilSignedInAsync();
        await Assertions.Expect(header.GetByText($"Signed in: {nursery.StaffUsername}", new() { Exact = true })).ToBeVisibleAsync();
        await CheckAsync(tablet.Browser, "tablet: signed in, named in the header", "tablet-signed-in-named");
        await tablet.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await tablet.Page.GetByRole(AriaRole.Heading, new() { Name = "Staff sign-in" }).WaitForAsync();
        await Assertions.Expect(header).Not.ToContainTextAsync("Signed in");
    }

    [TestMethod]
    public async Task Tablet_UploadTwoTaggedChildren_BoxesAppearWithoutReloadAndOneTapPerFaceReleasesTheItem()
    {
        var service = await StartServiceAsync();
        using var nursery = await Nursery.CreateAsync(service.Address);
        // Ava may be seen by other families, Ben may not: the two faces cannot go to the families until someone says whose they are.
        await nursery.GrantJournalAsync(avaGroup: true, benGroup: false, caraGroup: false);
        var tablet = new TabletPage(await NewPageAsync(service));
        var twoFaces = await TestImages.TwoFacesAsync(tablet.Page.Context, NewWorkFolder("photos"));

        await tablet.OpenAsync();
        await CheckAsync(tablet.Browser, "tablet: set up the device", "tablet-enrol");
        await tablet.EnrolAsync(nursery.Device);
        await CheckAsync(tablet.Browser, "tablet: staff sign-in", "tablet-sign-in");
        await tablet.SignInAsync(nursery.StaffUsername, nursery.StaffPin);
        await tablet.WaitUntilSignedInAsync();
        await tablet.ChoosePhotosAsync(twoFaces);
        await tablet.TagAsync($"{nursery.Ava.ChildName} (Robins)", $"{nursery.Ben.ChildName} (Robins)");
        await tablet.NoteAsync("Sand tray, morning");
        await CheckAsync(tablet.Browser, "tablet: photo chosen and tagged", "tablet-capture");
        // A mark on this document: if the page reloaded or navigated to show the faces, the mark would be gone.
        await tablet.Page.EvaluateAsync("() => { window.mediagateSameDocument = true; }");
        await tablet.UploadAsync();
        await tablet.WaitUntilQueueEmptyAsync();

        // The server has exactly this observation, as the page sent it, and asks whose the two faces are.
        var observations = await nursery.Tablet.GetJsonAsync<JsonElement>("/api/tablet/observations?limit=20");
        Assert.AreEqual(1, observations.GetArrayLength(), observations.ToString());
        var observation = observations[0];
        CollectionAssert.AreEquivalent(
            new[] { nursery.Ava.ChildId, nursery.Ben.ChildId },
            observation.GetProperty("children").EnumerateArray().Select(c => c.GetString()).ToArray());
        Assert.AreEqual("Sand tray, morning", observation.GetProperty("note").GetString());
        var observationId = observation.GetProperty("observationId").GetString()!;
        var items = await nursery.Tablet.WaitUntilDecidedAsync(observationId, ProcessingLimit);
        Assert.AreEqual(1, items.Count);
        Assert.AreEqual(2, items[0].Faces.Count, "the two astronauts' faces");
        Assert.AreEqual("needs-assignment", items[0].Status, "two unnamed faces, one child without the group option: a person is asked");

        // The panel opens by itself on the same document, with both boxes highlighted as needing an answer.
        await Assertions.Expect(tablet.FacesDialog).ToBeVisibleAsync(new() { Timeout = (float)ProcessingLimit.TotalMilliseconds });
        await Assertions.Expect(tablet.FaceBoxes).ToHaveCountAsync(2);
        Assert.IsTrue(await tablet.Page.EvaluateAsync<bool>("() => window.mediagateSameDocument === true"), "the boxes appeared without a reload");
        await tablet.WaitForFacesPhotoAsync();
        await AssertBoxesOnTheFacesAsync(tablet, observationId, nursery);
        await Assertions.Expect(tablet.Page.Locator("#faces-photo .face-box.needed")).ToHaveCountAsync(2);
        await Assertions.Expect(tablet.ItemStatus).ToContainTextAsync("Waiting for you");
        await AssertInViewAsync(tablet);
        await CheckAsync(tablet.Browser, "tablet: faces to answer", "tablet-faces");

        // Tapping a box goes to that face's answers.
        var leftToRight = await FacesLeftToRightAsync(nursery, observationId);
        var left = leftToRight[0];
        var right = leftToRight[1];
        await tablet.FaceBoxes.Nth(right.Index).ClickAsync();
        var focusedFace = await tablet.Page.EvaluateAsync<string>("() => document.activeElement.closest('.face-answer')?.dataset.face ?? ''");
        Assert.AreEqual(right.FaceId, focusedFace, "tapping a face box moves to its answers");

        // One tap per face: the left one is not a face, the right one is Ava. The item is released, no Save needed.
        await tablet.Answer(left.Index + 1, "Not a face").ClickAsync();
        await Assertions.Expect(tablet.Page.Locator("#faces-saved")).ToContainTextAsync($"Saved: face {left.Index + 1} is not a face.");
        await tablet.Answer(right.Index + 1, nursery.Ava.ChildName).ClickAsync();
        await Assertions.Expect(tablet.Page.Locator("#faces-saved")).ToContainTextAsync($"Saved: face {right.Index + 1} is {nursery.Ava.ChildName}.");
        await Assertions.Expect(tablet.ItemStatus).ToHaveAttributeAsync("data-status", "released", new() { Timeout = (float)ProcessingLimit.TotalMilliseconds });
        await Assertions.Expect(tablet.ItemStatus).ToContainTextAsync("Released");
        await Assertions.Expect(tablet.Answer(right.Index + 1, nursery.Ava.ChildName)).ToHaveAttributeAsync("aria-pressed", "true");

        var item = (await nursery.Tablet.GetJsonAsync<JsonElement>($"/api/tablet/observations/{observationId}")).GetProperty("items")[0];
        Assert.AreEqual("released", item.GetProperty("status").GetString());
        var saved = item.GetProperty("faces").EnumerateArray().ToDictionary(f => f.GetProperty("faceId").ToString());
        Assert.AreEqual("not-a-face", saved[left.FaceId].GetProperty("kind").GetString(), saved[left.FaceId].ToString());
        Assert.AreEqual(nursery.Ava.ChildId, saved[right.FaceId].GetProperty("childId").GetString(), saved[right.FaceId].ToString());
        await CheckAsync(tablet.Browser, "tablet: faces answered, released", "tablet-faces-answered");

        // Done: the list behind says the same in plain words.
        await tablet.Page.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();
        await Assertions.Expect(tablet.FacesDialog).ToBeHiddenAsync();
        var listed = tablet.Page.Locator($"#recent-list li[data-media='{items[0].MediaId}']");
        await Assertions.Expect(listed).ToHaveAttributeAsync("data-status", "released");
        await Assertions.Expect(listed).ToContainTextAsync("Released to");
        await CheckAsync(tablet.Browser, "tablet: recent uploads", "tablet-recent");
    }

    [TestMethod]
    public async Task Tablet_FaceMarkedNotInOurSetting_SavedAsNotAChild()
    {
        var service = await StartServiceAsync();
        using var nursery = await Nursery.CreateAsync(service.Address);
        var tablet = new TabletPage(await NewPageAsync(service));
        await tablet.StartAsync(nursery);
        await tablet.ChoosePhotosAsync(TestPhotos.Solos[0]);
        await tablet.TagAsync($"{nursery.Cara.ChildName} (Wrens)");
        await tablet.UploadAsync();
        await tablet.WaitUntilQueueEmptyAsync();
        // One face, one tagged child: assigned to Cara by the single-face rule, so nothing asks; the list offers the faces.
        var faces = tablet.Page.GetByRole(AriaRole.Button, new() { Name = "Faces in photo 1" });
        await faces.WaitForAsync(new() { Timeout = (float)ProcessingLimit.TotalMilliseconds });
        await faces.ClickAsync();
        await Assertions.Expect(tablet.Answer(1, nursery.Cara.ChildName)).ToHaveAttributeAsync("aria-pressed", "true");

        await tablet.Answer(1, "Not in our setting").ClickAsync();
        await Assertions.Expect(tablet.Page.Locator("#faces-saved")).ToContainTextAsync("Saved: face 1 is someone outside our setting.");

        var observations = await nursery.Tablet.GetJsonAsync<JsonElement>("/api/tablet/observations?limit=20");
        var face = observations[0].GetProperty("items")[0].GetProperty("faces")[0];
        Assert.AreEqual("not-a-child", face.GetProperty("kind").GetString(), face.ToString());
        Assert.AreEqual(JsonValueKind.Null, face.GetProperty("childId").ValueKind);
    }

    [TestMethod]
    public async Task Tablet_WrongPin_ShowsTheRefusalAndStaysSignedOut()
    {
        var service = await StartServiceAsync();
        using var nursery = await Nursery.CreateAsync(service.Address);
        var tablet = new TabletPage(await NewPageAsync(service));
        await tablet.OpenAsync();
        await tablet.EnrolAsync(nursery.Device);

        tablet.Browser.Probe.ExpectConsoleError("status of 401");
        await tablet.SignInAsync(nursery.StaffUsername, "000000");

        await Assertions.Expect(tablet.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("credentials are wrong");
        Assert.IsFalse(await tablet.Page.Locator("#work").IsVisibleAsync());
        await CheckAsync(tablet.Browser, "tablet: sign-in refused", "tablet-sign-in-refused");
    }

    /// <summary>
    /// A throttled PIN (429) on the tablet waits as the journal and the console do: the sentence says the wait in words and
    /// counts down, and Sign in stays off until then (the walk-through: the tablet showed the service's sentence once and
    /// left the button on).
    /// </summary>
    [TestMethod]
    public async Task Tablet_PinThrottled_SaysTheWaitCountsDownAndKeepsSignInOffUntilThen()
    {
        var service = await StartServiceAsync(settings => settings
            .With("MEDIAGATE_Identity__FreeFailures", "1")
            .With("MEDIAGATE_Identity__FirstDelay", "00:00:05"));
        using var nursery = await Nursery.CreateAsync(service.Address);
        var tablet = new TabletPage(await NewPageAsync(service));
        await tablet.OpenAsync();
        await tablet.EnrolAsync(nursery.Device);
        // The page's clock is the test's: the countdown moves only when the test moves it.
        await tablet.Page.Clock.InstallAsync();
        await tablet.Page.Clock.PauseAtAsync(TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(1));
        tablet.Browser.Probe.ExpectConsoleError("status of 401");
        tablet.Browser.Probe.ExpectConsoleError("status of 429");
        var signIn = tablet.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true });
        var alert = tablet.Page.Locator("#sign-in-error");

        IResponse? refused = null;
        for (var attempt = 1; attempt <= 4 && refused?.Status != 429; attempt++)
        {
            await tablet.Page.GetByLabel("Your username").FillAsync(nursery.StaffUsername);
            await tablet.Page.GetByLabel("PIN").FillAsync("00000" + attempt);
            refused = await tablet.Page.RunAndWaitForResponseAsync(
                () => signIn.ClickAsync(),
                r => r.Url.EndsWith("/api/tablet/session", StringComparison.Ordinal) && r.Request.Method == "POST");
            await Assertions.Expect(alert).Not.ToBeEmptyAsync();
        }

        Assert.IsNotNull(refused);
        Assert.AreEqual(429, refused.Status, "a second wrong PIN must wait");
        var seconds = int.Parse(await refused.HeaderValueAsync("retry-after") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        Assert.IsGreaterThan(1, seconds, "a wait to count down: " + seconds);
        await Assertions.Expect(alert).ToHaveTextAsync($"Too many failed sign-ins. Try again in {seconds} seconds.");
        await Assertions.Expect(signIn).ToBeDisabledAsync();

        await tablet.Page.Clock.RunForAsync((seconds - 1) * 1000);
        await Assertions.Expect(alert).ToHaveTextAsync("Too many failed sign-ins. Try again in 1 second.");
        await Assertions.Expect(signIn).ToBeDisabledAsync();

        await tablet.Page.Clock.RunForAsync(1000);
        await Assertions.Expect(signIn).ToBeEnabledAsync();
        await Assertions.Expect(alert).ToBeHiddenAsync();
        await tablet.Page.Clock.ResumeAsync();
        await CheckAsync(tablet.Browser, "tablet: sign-in after the pause");
    }

    private static async Task<List<(int Index, string FaceId, double X)>> FacesLeftToRightAsync(Nursery nursery, string observationId)
    {
        var faces = (await nursery.Tablet.ObservationAsync(observationId))[0].Faces;
        return faces.Select((f, i) => (Index: i, FaceId: f.FaceId.ToString(), f.X)).OrderBy(f => f.X).ToList();
    }

    /// <summary>
    /// On a tablet (768x1024) the panel's photo and every answer of the certain faces are in view at once: nothing to
    /// scroll to, and each answer a target of at least 44 CSS pixels.
    /// </summary>
    private static async Task AssertInViewAsync(TabletPage tablet)
    {
        var viewport = tablet.Page.ViewportSize!;
        var targets = tablet.Page.Locator("#faces-photo img, #faces-answers .face-answer.needed button");
        var count = await targets.CountAsync();
        Assert.IsGreaterThan(2, count, "the photo and the answers");
        for (int i = 0; i < count; i++)
        {
            var box = await targets.Nth(i).BoundingBoxAsync() ?? throw new AssertFailedException($"target {i} is not shown");
            Assert.IsTrue(box.Y >= 0 && box.Y + box.Height <= viewport.Height && box.X >= 0 && box.X + box.Width <= viewport.Width,
                $"target {i} ({box.X},{box.Y} {box.Width}x{box.Height}) is outside the {viewport.Width}x{viewport.Height} screen");
            if (i > 0)
            {
                Assert.IsGreaterThanOrEqualTo(44, box.Height, $"answer {i} is a large enough target (44 px or more)");
            }
        }
    }

    /// <summary>Each box sits on its face: the master-pixel box scaled to the shown preview, within 3 CSS pixels.</summary>
    private static async Task AssertBoxesOnTheFacesAsync(TabletPage tablet, string observationId, Nursery nursery)
    {
        var photo = tablet.Page.Locator("#faces-photo img");
        var observation = await nursery.Tablet.GetJsonAsync<JsonElement>($"/api/tablet/observations/{observationId}");
        var item = observation.GetProperty("items")[0];
        double masterWidth = item.GetProperty("width").GetDouble();
        double masterHeight = item.GetProperty("height").GetDouble();
        var shown = await photo.BoundingBoxAsync() ?? throw new AssertFailedException("the photo is not shown");
        var faces = item.GetProperty("faces").EnumerateArray().ToList();
        for (int i = 0; i < faces.Count; i++)
        {
            var box = await tablet.FaceBoxes.Nth(i).BoundingBoxAsync() ?? throw new AssertFailedException($"face box {i} is not shown");
            double expectedX = shown.X + (faces[i].GetProperty("x").GetDouble() / masterWidth * shown.Width);
            double expectedY = shown.Y + (faces[i].GetProperty("y").GetDouble() / masterHeight * shown.Height);
            double expectedW = faces[i].GetProperty("w").GetDouble() / masterWidth * shown.Width;
            Assert.AreEqual(expectedX, box.X, 3, $"face {i} left");
            Assert.AreEqual(expectedY, box.Y, 3, $"face {i} top");
            Assert.AreEqual(expectedW, box.Width, 3, $"face {i} width");
        }
    }
}
