using MediaGate.Browser.Tests.Tablet;

namespace MediaGate.Browser.Tests.Video;

/// <summary>
/// The tablet reads a clip's duration from its metadata before it is queued (issue 14, "Bounds before decoding", on the
/// page): over the limit it is refused with a sentence, within it it is chosen, and when the browser cannot read it the
/// page says so and lets the service decide. The limit is the service's own (<c>Video:Limits:MaxDurationSeconds</c>, read by the
/// page from <c>GET /api/tablet/limits</c>), configured to 2 s here, so the clips made by ffmpeg stay a few seconds long.
/// </summary>
[TestClass]
public sealed class TabletClipLengthTests : BrowserTest
{
    [TestMethod]
    public async Task VideoChoice_ClipLongerThanTheLimit_RefusedBeforeItIsQueued()
    {
        var video = await OpenWithTwoSecondLimitAsync();
        var clip = await TestClips.AstronautsAsync(NewWorkFolder("clips"), faces: 1, seconds: 3);

        await video.ChooseClipAsync(clip);

        await Assertions.Expect(video.CaptureError).ToContainTextAsync("astronauts-1-3s.mp4 lasts 3 seconds: MediaGate takes videos up to 2 seconds.");
        await Assertions.Expect(video.ChosenClips).ToHaveCountAsync(0);
        Assert.AreEqual(0, await video.Tablet.QueuedInDatabaseAsync(), "nothing of it is kept");
        await CheckAsync(video.Tablet.Browser, "tablet: a clip over the length limit refused");
    }

    [TestMethod]
    public async Task VideoChoice_ClipWithinTheLimit_ChosenWithoutANote()
    {
        var video = await OpenWithTwoSecondLimitAsync();
        var clip = await TestClips.AstronautsAsync(NewWorkFolder("clips"), faces: 1, seconds: 1);

        await video.ChooseClipAsync(clip);

        await Assertions.Expect(video.ChosenClips).ToHaveCountAsync(1);
        await Assertions.Expect(video.CaptureError).ToBeHiddenAsync();
        await Assertions.Expect(video.ClipNote).ToBeHiddenAsync();
        await CheckAsync(video.Tablet.Browser, "tablet: a clip within the length limit chosen");
    }

    [TestMethod]
    public async Task VideoChoice_DurationUnreadable_ChosenAndSaysTheServiceDecides()
    {
        var video = await OpenWithTwoSecondLimitAsync();
        // An .mp4 of zeros: no browser reads a duration from it; the service's own checks refuse it later.
        var damaged = Path.Combine(NewWorkFolder("clips"), "damaged.mp4");
        await File.WriteAllBytesAsync(damaged, new byte[64 * 1024]);

        await video.ChooseClipAsync(damaged);

        await Assertions.Expect(video.ChosenClips).ToHaveCountAsync(1);
        await Assertions.Expect(video.ClipNote).ToHaveTextAsync("The length of damaged.mp4 could not be read on this tablet; MediaGate checks it when it arrives.");
        await Assertions.Expect(video.CaptureError).ToBeHiddenAsync();
        await CheckAsync(video.Tablet.Browser, "tablet: a clip whose length cannot be read");
    }

    /// <summary>A signed-in tablet page of a service whose clips may last at most 2 s.</summary>
    private async Task<TabletVideoPage> OpenWithTwoSecondLimitAsync()
    {
        var service = await StartServiceAsync(settings => settings.With("MEDIAGATE_Video__Limits__MaxDurationSeconds", "2"));
        using var nursery = await Nursery.CreateAsync(service.Address);
        var video = new TabletVideoPage(new TabletPage(await NewPageAsync(service)));
        await video.Tablet.StartAsync(nursery);
        await Assertions.Expect(video.Page.Locator("#clip-limit")).ToContainTextAsync("Videos up to 500 MB and 2 seconds");
        return video;
    }
}
