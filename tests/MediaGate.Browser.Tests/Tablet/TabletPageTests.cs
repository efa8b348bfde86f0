using System.Text.Json;

namespace MediaGate.Browser.Tests.Tablet;

/// <summary>
/// The tablet page end to end (issue 8, "Done when"): enrol the device, sign in with the PIN, upload a real photo of
/// two people tagged with two children, and name the faces MediaGate found; every state axe-clean, with screenshots.
/// </summary>
[TestClass]
public sealed class TabletPageTests : BrowserTest
{
    private static readonly TimeSpan ProcessingLimit = TimeSpan.FromSeconds(120);

    [TestMethod]
    public async Task Tablet_EnrolSignInUploadTwoTaggedChildrenAndNameFaces_ServerHasTheObservationAndTheNames()
    {
        var service = await StartServiceAsync();
        using var nursery = await Nursery.CreateAsync(service.Address);
        var tablet = new TabletPage(await NewPageAsync(service));

        await tablet.OpenAsync();
        await CheckAsync(tablet.Browser, "tablet: set up the device", "tablet-enrol");
        await tablet.EnrolAsync(nursery.Device);
        await CheckAsync(tablet.Browser, "tablet: staff sign-in", "tablet-sign-in");
        await tablet.SignInAsync(nursery.StaffUsername, nursery.StaffPin);
        await tablet.WaitUntilSignedInAsync();
        await tablet.ChoosePhotosAsync(TestPhotos.GroupOfTwo);
        await tablet.TagAsync($"{nursery.Ava.ChildName} (Robins)", $"{nursery.Ben.ChildName} (Robins)");
        await tablet.NoteAsync("Sand tray, morning");
        await CheckAsync(tablet.Browser, "tablet: photo chosen and tagged", "tablet-capture");
        await tablet.UploadAsync();
        await tablet.WaitUntilQueueEmptyAsync();

        // The server has exactly this observation, as the page sent it.
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
        Assert.AreEqual(2, items[0].Faces.Count, "the group photo's two faces");

        // The page shows the decided item with a button to name its faces.
        var nameFaces = tablet.Page.GetByRole(AriaRole.Button, new() { Name = "Name faces in photo 1" });
        await nameFaces.WaitForAsync(new() { Timeout = (float)ProcessingLimit.TotalMilliseconds });
        await CheckAsync(tablet.Browser, "tablet: recent uploads", "tablet-recent");
        await nameFaces.ClickAsync();
        await Assertions.Expect(tablet.FaceBoxes).ToHaveCountAsync(2);
        var photo = tablet.Page.Locator("#faces-photo img");
        await tablet.Page.WaitForFunctionAsync("() => { const i = document.querySelector('#faces-photo img'); return i && i.complete && i.naturalWidth > 0; }");
        await AssertBoxesOnTheFacesAsync(tablet, photo, observationId, nursery);
        await CheckAsync(tablet.Browser, "tablet: name the faces", "tablet-faces");

        // Tapping a face box moves to that face's choice; the faces are named left to right as Ava, Ben.
        var leftToRight = await FacesLeftToRightAsync(nursery, observationId);
        await tablet.FaceBoxes.Nth(leftToRight[1].Index).ClickAsync();
        var focusedId = await tablet.Page.EvaluateAsync<string>("() => document.activeElement.id");
        Assert.AreEqual($"face-{leftToRight[1].FaceId}", focusedId, "tapping a face focuses its choice");
        await tablet.Page.Locator($"#face-{leftToRight[0].FaceId}").SelectOptionAsync(new SelectOptionValue { Label = $"{nursery.Ava.ChildName} (Robins)" });
        await tablet.Page.Locator($"#face-{leftToRight[1].FaceId}").SelectOptionAsync(new SelectOptionValue { Label = $"{nursery.Ben.ChildName} (Robins)" });
        await tablet.Page.GetByRole(AriaRole.Button, new() { Name = "Save faces" }).ClickAsync();
        await Assertions.Expect(tablet.Page.Locator("#faces-status")).ToContainTextAsync("Saved");

        var named = (await nursery.Tablet.ObservationAsync(observationId))[0].Faces;
        var byId = named.ToDictionary(f => f.FaceId.ToString(), f => f.ChildId);
        Assert.AreEqual(nursery.Ava.ChildId, byId[leftToRight[0].FaceId]);
        Assert.AreEqual(nursery.Ben.ChildId, byId[leftToRight[1].FaceId]);
        await CheckAsync(tablet.Browser, "tablet: faces saved");
    }

    [TestMethod]
    public async Task Tablet_FaceMarkedNotAChild_SavedAsNotAChild()
    {
        var service = await StartServiceAsync();
        using var nursery = await Nursery.CreateAsync(service.Address);
        var tablet = new TabletPage(await NewPageAsync(service));
        await tablet.StartAsync(nursery);
        await tablet.ChoosePhotosAsync(TestPhotos.Solos[0]);
        await tablet.TagAsync($"{nursery.Cara.ChildName} (Wrens)");
        await tablet.UploadAsync();
        await tablet.WaitUntilQueueEmptyAsync();
        var nameFaces = tablet.Page.GetByRole(AriaRole.Button, new() { Name = "Name faces in photo 1" });
        await nameFaces.WaitForAsync(new() { Timeout = (float)ProcessingLimit.TotalMilliseconds });

        await nameFaces.ClickAsync();
        await tablet.FaceBoxes.First.WaitForAsync();
        await tablet.Page.GetByLabel("Face 1", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Not a child in our setting" });
        await tablet.Page.GetByRole(AriaRole.Button, new() { Name = "Save faces" }).ClickAsync();
        await Assertions.Expect(tablet.Page.Locator("#faces-status")).ToContainTextAsync("Saved");

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

    private static async Task<List<(int Index, string FaceId, double X)>> FacesLeftToRightAsync(Nursery nursery, string observationId)
    {
        var faces = (await nursery.Tablet.ObservationAsync(observationId))[0].Faces;
        return faces.Select((f, i) => (Index: i, FaceId: f.FaceId.ToString(), f.X)).OrderBy(f => f.X).ToList();
    }

    /// <summary>Each box sits on its face: the master-pixel box scaled to the shown preview, within 3 CSS pixels.</summary>
    private static async Task AssertBoxesOnTheFacesAsync(TabletPage tablet, ILocator photo, string observationId, Nursery nursery)
    {
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
