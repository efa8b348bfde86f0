using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MediaGate.Browser.Tests.Tablet;

/// <summary>
/// The capture form as a practitioner in a hurry uses it (found in a walk-through): a double tap on Upload sends the
/// photo once; a face question never opens by itself over a form being filled in (it is offered in the list); and a
/// photo larger than the service takes is refused when it is chosen, in plain words, as is a 413 after an upload.
/// </summary>
[TestClass]
public sealed class TabletUploadFormTests : BrowserTest
{
    private static readonly TimeSpan ProcessingLimit = TimeSpan.FromSeconds(120);

    /// <summary>The service's photo limit in the size tests: between the two sample photos chosen.</summary>
    private const long PhotoLimitBytes = 300 * 1024;

    /// <summary>
    /// Upload with no child ticked asks first (found in a walk-through: such a photo went straight to the manager): a
    /// double tap only asks, ticking a child answers it, and "Upload without a child" sends exactly that upload.
    /// </summary>
    [TestMethod]
    public async Task Upload_NoChildTicked_AsksFirstThenSendsOnlyWhenMeant()
    {
        var service = await StartServiceAsync();
        using var nursery = await Nursery.CreateAsync(service.Address);
        var tablet = new TabletPage(await NewPageAsync(service));
        await tablet.StartAsync(nursery);
        await tablet.ChoosePhotosAsync(TestPhotos.Solos[1]);
        var question = tablet.Page.Locator("#untagged-question");
        var upload = tablet.Page.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true });

        await upload.DblClickAsync();
        await Assertions.Expect(question).ToBeVisibleAsync();
        await Assertions.Expect(question).ToContainTextAsync("No child is ticked");
        await Assertions.Expect(tablet.Page.Locator("#chosen img")).ToHaveCountAsync(1);
        Assert.AreEqual(0, await tablet.QueuedInDatabaseAsync(), "nothing queued by Upload with nobody ticked");
        await CheckAsync(tablet.Browser, "tablet: no child ticked, asked first");

        await tablet.TagAsync($"{nursery.Cara.ChildName} (Wrens)");
        await Assertions.Expect(question).ToBeHiddenAsync();
        await tablet.Page.Locator("#children-list input:checked").First.UncheckAsync();

        await upload.ClickAsync();
        await tablet.Page.GetByRole(AriaRole.Button, new() { Name = "Upload without a child" }).ClickAsync();
        await Assertions.Expect(tablet.Page.Locator("#chosen img")).ToHaveCountAsync(0);
        await Assertions.Expect(question).ToBeHiddenAsync();
        await tablet.WaitUntilQueueEmptyAsync();
        var observations = await nursery.Tablet.GetJsonAsync<JsonElement>("/api/tablet/observations?limit=20");
        Assert.AreEqual(1, observations.GetArrayLength(), "the one upload meant: " + observations);
    }

    [TestMethod]
    public async Task Upload_DoubleTapped_QueuedOnceAndStoredOnce()
    {
        var service = await StartServiceAsync();
        using var nursery = await Nursery.CreateAsync(service.Address);
        var tablet = new TabletPage(await NewPageAsync(service));
        await tablet.StartAsync(nursery);
        var keys = new List<string>();
        tablet.Page.Request += (_, request) =>
        {
            if (request.Method == "POST" && request.Url.EndsWith("/api/tablet/observations", StringComparison.Ordinal))
            {
                lock (keys)
                {
                    keys.Add(request.Headers["idempotency-key"]);
                }
            }
        };
        await tablet.ChoosePhotosAsync(TestPhotos.Solos[1]);
        await tablet.TagAsync($"{nursery.Cara.ChildName} (Wrens)");

        await tablet.Page.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).DblClickAsync();

        await Assertions.Expect(tablet.Page.Locator("#chosen img")).ToHaveCountAsync(0);
        await tablet.WaitUntilQueueEmptyAsync();
        // Whatever a second tap might have queued is sent by another try: the queue must stay empty after it too.
        await tablet.Page.GetByRole(AriaRole.Button, new() { Name = "Try uploading now" }).ClickAsync();
        await tablet.WaitUntilQueueEmptyAsync();
        Assert.AreEqual(0, await tablet.QueuedInDatabaseAsync());
        var observations = await nursery.Tablet.GetJsonAsync<JsonElement>("/api/tablet/observations?limit=20");
        Assert.AreEqual(1, observations.GetArrayLength(), "one capture, one observation: " + observations);
        lock (keys)
        {
            Assert.AreEqual(1, keys.Distinct().Count(), "one Idempotency-Key: " + string.Join(", ", keys));
        }

        await Assertions.Expect(tablet.Page.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true })).ToBeEnabledAsync();
        await CheckAsync(tablet.Browser, "tablet: a double tap uploaded once");
    }

    [TestMethod]
    public async Task FaceQuestion_ArrivesWhileTheNextUploadIsPrepared_OfferedInTheListNotOpenedOverTheForm()
    {
        var service = await StartServiceAsync();
        using var nursery = await Nursery.CreateAsync(service.Address);
        // Two faces, Ben without the group option: the photo waits for someone to say whose the faces are.
        await nursery.GrantJournalAsync(avaGroup: true, benGroup: false, caraGroup: false);
        var tablet = new TabletPage(await NewPageAsync(service));
        var twoFaces = await TestImages.TwoFacesAsync(tablet.Page.Context, NewWorkFolder("photos"));
        await tablet.StartAsync(nursery);
        // The page's watch of the fresh upload is held until the practitioner has started on the next photo, so the
        // question arrives while the form is being filled in whatever the speed of processing.
        var prepared = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await tablet.Page.RouteAsync("**/api/tablet/observations/*", async route =>
        {
            await prepared.Task;
            await route.ContinueAsync();
        });
        await tablet.ChoosePhotosAsync(twoFaces);
        await tablet.TagAsync($"{nursery.Ava.ChildName} (Robins)", $"{nursery.Ben.ChildName} (Robins)");
        await tablet.UploadAsync();
        await tablet.WaitUntilQueueEmptyAsync();

        await tablet.TagAsync($"{nursery.Cara.ChildName} (Wrens)");
        prepared.SetResult();

        var prompt = tablet.Page.Locator("#faces-prompt");
        var answer = prompt.GetByRole(AriaRole.Button, new() { Name = "Answer", Exact = true });
        // Whichever comes first once the photo is checked: the prompt in the list, or the panel over the form.
        await Assertions.Expect(answer.Or(tablet.FacesDialog)).ToBeVisibleAsync(new() { Timeout = (float)ProcessingLimit.TotalMilliseconds });
        Assert.IsFalse(await tablet.FacesDialog.IsVisibleAsync(), "the face panel opened by itself over the form being filled in");
        await Assertions.Expect(prompt).ToContainTextAsync("2 faces to name in the photo you uploaded.");
        await Assertions.Expect(tablet.Page.GetByRole(AriaRole.Checkbox, new() { Name = $"{nursery.Cara.ChildName} (Wrens)" })).ToBeCheckedAsync();
        await CheckAsync(tablet.Browser, "tablet: faces to name offered in the list while the form is filled in");

        await answer.ClickAsync();

        await Assertions.Expect(tablet.FacesDialog).ToBeVisibleAsync();
        await Assertions.Expect(tablet.FaceBoxes).ToHaveCountAsync(2);
        await Assertions.Expect(prompt.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
    }

    [TestMethod]
    public async Task PhotoChoice_LargerThanTheServiceTakes_RefusedWhenChosenInPlainWords()
    {
        var service = await StartServiceAsync(settings => settings.With("MEDIAGATE_Ingest__Limits__MaxBytes", PhotoLimitBytes.ToString(CultureInfo.InvariantCulture)));
        using var nursery = await Nursery.CreateAsync(service.Address);
        var tablet = new TabletPage(await NewPageAsync(service));
        await tablet.StartAsync(nursery);
        var large = TestImages.Astronaut;
        var small = Path.Combine(TestPaths.SamplePhotos, "chelsea.png");
        Assert.IsGreaterThan(PhotoLimitBytes, new FileInfo(large).Length);
        Assert.IsLessThan(PhotoLimitBytes, new FileInfo(small).Length);

        await tablet.Page.GetByLabel("Take or choose photos").SetInputFilesAsync([large, small]);

        await Assertions.Expect(tablet.Page.Locator("#capture-error")).ToHaveTextAsync(
            $"This photo (astronaut.png) is {Kilobytes(new FileInfo(large).Length)} KB; the most MediaGate takes is 300 KB.");
        await Assertions.Expect(tablet.Page.Locator("#chosen img")).ToHaveCountAsync(1, new() { Timeout = 5_000 });
        await Assertions.Expect(tablet.Page.GetByAltText("Chosen photo 1")).ToBeVisibleAsync();
        await CheckAsync(tablet.Browser, "tablet: a photo over the limit refused when chosen");
    }

    [TestMethod]
    public async Task Upload_RefusedAsTooLarge_SaysSoInPlainWords()
    {
        var service = await StartServiceAsync(settings => settings.With("MEDIAGATE_Ingest__Limits__MaxBytes", PhotoLimitBytes.ToString(CultureInfo.InvariantCulture)));
        using var nursery = await Nursery.CreateAsync(service.Address);
        var tablet = new TabletPage(await NewPageAsync(service));
        // A service that does not say its photo limit (older than photoMaxBytes): the page checks against its default
        // of 64 MB, so the photo goes up and the service itself refuses it (413).
        await tablet.Page.RouteAsync("**/api/tablet/limits", async route =>
        {
            var response = await route.FetchAsync();
            var limits = JsonNode.Parse(await response.TextAsync())!.AsObject();
            Assert.IsTrue(limits.Remove("photoMaxBytes"), "the service says its photo limit");
            await route.FulfillAsync(new RouteFulfillOptions { Response = response, Body = limits.ToJsonString() });
        });
        await tablet.StartAsync(nursery);
        tablet.Browser.Probe.ExpectConsoleError("status of 413");
        await tablet.ChoosePhotosAsync(TestImages.Astronaut);
        await tablet.TagAsync($"{nursery.Ava.ChildName} (Robins)");

        await tablet.UploadAsync();

        var entry = tablet.Page.Locator("#queue-list li");
        await Assertions.Expect(entry).ToContainTextAsync("MediaGate refused it: it is too large.");
        await Assertions.Expect(entry).Not.ToContainTextAsync("413");
        await Assertions.Expect(entry).Not.ToContainTextAsync("bytes");
        await Assertions.Expect(entry.GetByRole(AriaRole.Button, new() { Name = "Discard this upload" })).ToBeVisibleAsync();
        Assert.AreEqual(0, (await nursery.Tablet.GetJsonAsync<JsonElement>("/api/tablet/observations?limit=20")).GetArrayLength());
        await CheckAsync(tablet.Browser, "tablet: an upload refused as too large");
    }

    private static string Kilobytes(long bytes) =>
        Math.Round(bytes / 1024.0, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture);
}
