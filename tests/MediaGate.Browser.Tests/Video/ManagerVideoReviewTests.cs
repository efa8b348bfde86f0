using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using MediaGate.Browser.Tests.Manager;

namespace MediaGate.Browser.Tests.Video;

/// <summary>
/// A held video in the manager's review queue (issue 14: "the manager reviews a held video with its tracks, and can
/// play the master"): a clip of two astronauts (made by ffmpeg from the sample photo) tagged Ava and Ben waits for
/// its faces to be named. The page lists both tracks (time seen, score, faint, who it is, the clearest frame), plays
/// the unmasked master only when asked (fetched with the token, played from a blob: URL, seeking in it), and after the
/// manager names the faces and decides, the table says who each one is.
/// </summary>
[TestClass]
public sealed class ManagerVideoReviewTests : BrowserTest
{
    private static readonly TimeSpan ProcessingLimit = TimeSpan.FromSeconds(300);

    [TestMethod]
    [Timeout(900_000, CooperativeCancellation = true)]
    public async Task ReviewVideo_HeldClip_TracksListedAndTheMasterPlaysOnlyWhenAsked()
    {
        var service = await StartServiceAsync();
        using var nursery = await Nursery.CreateAsync(service.Address);
        await nursery.GrantJournalAsync(avaGroup: false, benGroup: false, caraGroup: false);
        var clip = await TestClips.AstronautsAsync(NewWorkFolder("clips"), faces: 2, seconds: 4);
        var upload = await nursery.Tablet.UploadAsync(
            [new UploadFile("party.mp4", await File.ReadAllBytesAsync(clip), "video/mp4")], [nursery.Ava.ChildId, nursery.Ben.ChildId], "Party");
        var mediaId = upload.Items[0].MediaId;
        var item = (await nursery.Tablet.WaitUntilDecidedAsync(upload.ObservationId, ProcessingLimit)).Single();
        Assert.HasCount(2, item.Faces, $"the two astronauts' tracks\n{service.LogTail()}");
        var leftToRight = item.Faces.Select((f, i) => (Number: i + 1, f.X)).OrderBy(f => f.X).Select(f => f.Number).ToList();
        // When each track is seen, as the tablet's view of the item says (milliseconds), written as the page writes it.
        var tracks = (await nursery.Tablet.GetJsonAsync<JsonElement>($"/api/tablet/observations/{upload.ObservationId}"))
            .GetProperty("items")[0].GetProperty("faces").EnumerateArray()
            .Select(f => $"{Clock(f.GetProperty("firstMs").GetInt64())}–{Clock(f.GetProperty("lastMs").GetInt64())}").ToList();
        Assert.IsTrue(tracks.Any(t => !t.EndsWith("–0:00", StringComparison.Ordinal)), "a track seen for more than a second: " + string.Join(", ", tracks));

        var page = await NewPageAsync(service);
        var requests = new ConcurrentQueue<string>();
        page.Page.Request += (_, r) => requests.Enqueue(new Uri(r.Url).AbsolutePath);
        await ManagerConsole.SignInAsync(page, "review.html");
        var card = page.Page.Locator($"article[data-media='{mediaId}']");
        await Assertions.Expect(card.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToContainTextAsync("Video received");

        // The tracks: one row each, with when it is seen, its score, faint or not, nobody named yet, and its frame.
        var table = card.GetByRole(AriaRole.Table, new() { Name = "Faces in the video" });
        var rows = table.Locator("tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        for (int i = 0; i < 2; i++)
        {
            var row = rows.Nth(i);
            await Assertions.Expect(row.GetByRole(AriaRole.Rowheader)).ToHaveTextAsync($"Face {i + 1}");
            // When it is seen, its score and whether it is faint: one cell, a line each, so that the table fits a tablet.
            var facts = row.Locator("td.facts");
            await Assertions.Expect(facts.Locator(".seen")).ToHaveTextAsync(tracks[i]);
            await Assertions.Expect(facts.Locator(".score")).ToHaveTextAsync("Score " + item.Faces[i].Score.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
            await Assertions.Expect(facts.Locator(".faint")).ToHaveTextAsync("Not faint");
            await Assertions.Expect(row.Locator("td.who")).ToHaveTextAsync("Not named yet");

            // On a tablet (768 px) every column shows without scrolling the table sideways.
            await Assertions.Expect(row.Locator("td.who")).ToBeInViewportAsync(new() { Ratio = 1 });
            await Assertions.Expect(facts).ToBeInViewportAsync(new() { Ratio = 1 });
            await Assertions.Expect(row.GetByRole(AriaRole.Img, new() { Name = $"Face {i + 1}, unmasked" })).ToBeVisibleAsync();
        }

        var scroll = card.Locator(".tracks-scroll");
        var widths = await scroll.EvaluateAsync<int[]>("box => [box.scrollWidth, box.clientWidth]");
        Assert.IsLessThanOrEqualTo(widths[1], widths[0], $"the faces table fits its column at 768 px (scroll width {widths[0]}, shown {widths[1]})");

        // Counts in words: two faces, and the one item waiting is a video.
        await Assertions.Expect(card.Locator("figcaption")).ToHaveTextAsync("2 faces followed through the video: name each below.");
        await Assertions.Expect(page.Page.Locator("#content > p.hint")).ToContainTextAsync("1 video waiting, oldest first.");
        // A video is not called a photo (a walkthrough found "the photo's certain faces" on a video's card).
        await Assertions.Expect(card.Locator("fieldset.faces p.hint")).ToContainTextAsync("except where the video's certain faces are exactly as many as its tagged children");

        var masterPath = $"/api/manager/media/{mediaId}/video";
        Assert.IsFalse(requests.Contains(masterPath), "no master is opened before the manager asks: " + string.Join(", ", requests));
        await CheckAsync(page, "review: a held video with its tracks", "manager-review-video");

        await card.GetByRole(AriaRole.Button, new() { Name = "Play the master (unmasked)" }).ClickAsync();
        var video = card.Locator("video");
        await Assertions.Expect(video).ToBeVisibleAsync();
        await video.EvaluateAsync("v => new Promise((resolve, reject) => { if (v.readyState >= 1) { resolve(); } v.addEventListener('loadedmetadata', resolve, { once: true }); v.addEventListener('error', () => reject(new Error('video error ' + v.error?.code)), { once: true }); })");
        Assert.AreEqual(4.0, await video.EvaluateAsync<double>("v => v.duration"), 0.5, "the whole master");
        double at = await video.EvaluateAsync<double>("""
            async v => {
              v.pause();
              const seeked = new Promise(resolve => v.addEventListener('seeked', resolve, { once: true }));
              v.currentTime = 2.5;
              await seeked;
              return v.currentTime;
            }
            """);
        Assert.AreEqual(2.5, at, 0.2, "the master seeks");
        StringAssert.StartsWith(await video.GetAttributeAsync("src"), "blob:", "the master fetched with the token plays from a blob: URL");
        Assert.IsTrue(requests.Contains(masterPath), "the master was fetched when asked");
        await CheckAsync(page, "review: the master playing");

        // Named and decided: the table says who each face is now.
        await card.GetByLabel($"Face {leftToRight[0]}", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = $"{nursery.Ava.ChildName} (Robins)" });
        await card.GetByLabel($"Face {leftToRight[1]}", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = $"{nursery.Ben.ChildName} (Robins)" });
        await card.GetByRole(AriaRole.Button, new() { Name = "Release", Exact = true }).ClickAsync();
        // The decision re-decides the video, which may re-make its renditions before the service answers.
        await Assertions.Expect(card.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved: released for journal", new() { Timeout = 120_000 });
        await Assertions.Expect(rows.Nth(leftToRight[0] - 1).Locator("td.who")).ToHaveTextAsync(nursery.Ava.ChildName);
        await Assertions.Expect(rows.Nth(leftToRight[1] - 1).Locator("td.who")).ToHaveTextAsync(nursery.Ben.ChildName);
        await CheckAsync(page, "review: a video decided");
    }

    private static string Clock(long ms) =>
        string.Create(CultureInfo.InvariantCulture, $"{ms / 60_000}:{ms / 1000 % 60:00}");
}
