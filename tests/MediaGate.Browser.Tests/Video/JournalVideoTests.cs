using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using MediaGate.Browser.Tests.Journal;

namespace MediaGate.Browser.Tests.Video;

/// <summary>
/// A family's video in the journal (issue 14, "The pages"), on a phone: a clip of two astronauts (made by ffmpeg from
/// the sample photo) tagged Ava and Ben, neither with the group option, each face named. Ava's parent sees the masked
/// poster (Ben's face covered, on the pixels the page shows), presses Play, and the clip plays from a short-lived
/// link (a &lt;video&gt; sends no bearer header) answered with byte ranges, and seeks.
/// </summary>
[TestClass]
public sealed partial class JournalVideoTests : BrowserTest
{
    private static readonly TimeSpan ProcessingLimit = TimeSpan.FromSeconds(300);

    [TestMethod]
    [Timeout(900_000, CooperativeCancellation = true)]
    public async Task JournalVideo_ReleasedClip_MaskedPosterThenPlaysFromAShortLivedLinkAndSeeks()
    {
        var service = await StartServiceAsync();
        using var nursery = await Nursery.CreateAsync(service.Address);
        var (ava, ben) = (nursery.Ava, nursery.Ben);
        await nursery.GrantJournalAsync(avaGroup: false, benGroup: false, caraGroup: false);
        var password = $"Journal-Passphrase-{nursery.Tag}";
        using var avaParent = await JournalPage.SetPasswordAsync(nursery, ava, password);
        var clip = await TestClips.AstronautsAsync(NewWorkFolder("clips"), faces: 2, seconds: 4);

        var upload = await nursery.Tablet.UploadAsync([new UploadFile("first-song.mp4", await File.ReadAllBytesAsync(clip), "video/mp4")], [ava.ChildId, ben.ChildId], "First song");
        var mediaId = upload.Items[0].MediaId;
        var item = (await nursery.Tablet.WaitUntilDecidedAsync(upload.ObservationId, ProcessingLimit)).Single();
        Assert.HasCount(2, item.Faces, $"the two astronauts' tracks\n{service.LogTail()}");
        var faces = item.Faces.OrderBy(f => f.X).ToList();
        await nursery.Tablet.AssignFacesAsync(mediaId, [new(faces[0].FaceId, ava.ChildId), new(faces[1].FaceId, ben.ChildId)]);
        if (!await Poll.UntilAsync(async () => await ReleasedAsync(avaParent, mediaId), TimeSpan.FromSeconds(60)))
        {
            await nursery.Manager.DecideAsync(mediaId, "journal", "mask");
            Assert.IsTrue(await Poll.UntilAsync(async () => await ReleasedAsync(avaParent, mediaId), ProcessingLimit),
                $"after the faces are named (and the manager's mask decision) the video is released for Ava's parent\n{service.LogTail()}");
        }

        var page = await NewPageAsync(service, Screens.Phone);
        var responses = new ConcurrentQueue<(string Url, int Status, string? AcceptRanges)>();
        page.Page.Response += (_, r) => responses.Enqueue((r.Url, r.Status, r.Headers.TryGetValue("accept-ranges", out var ranges) ? ranges : null));
        Assert.AreEqual(200, (await JournalPage.SignInAsync(page.Page, ava.ParentUsername, password)).Status);
        var entry = JournalPage.Entry(page.Page, mediaId);

        // The masked poster: Ava's own parent sees Ava, and Ben (no group option) is covered in the picture the page shows.
        var poster = entry.Locator("img.photo");
        await Assertions.Expect(poster).ToBeVisibleAsync();
        StringAssert.StartsWith(await poster.GetAttributeAsync("src"), "blob:", "the poster is fetched with the token and shown from a blob: URL");
        StringAssert.Contains(await poster.GetAttributeAsync("alt"), $"Video of {ava.ChildName}");
        double differing = await HalvesDifferAsync(poster, faces[0].Y, faces[0].H);
        Assert.IsGreaterThan(0.03, differing, $"Ben's face is masked in Ava's parent's poster: the right astronaut no longer matches the left ({differing:P1} of the band differs)");
        await Assertions.Expect(page.Page.Locator("#journal-status")).ToHaveTextAsync("1 video.", new() { Timeout = 10_000 });
        await CheckAsync(page, "journal: a video's masked poster", "journal-video");

        await entry.GetByRole(AriaRole.Button, new() { NameRegex = PlayName() }).ClickAsync();
        var video = entry.Locator("video");
        await Assertions.Expect(video).ToBeVisibleAsync();
        await video.EvaluateAsync("v => new Promise((resolve, reject) => { if (v.readyState >= 1) { resolve(); } v.addEventListener('loadedmetadata', resolve, { once: true }); v.addEventListener('error', () => reject(new Error('video error ' + v.error?.code)), { once: true }); })");
        var src = await video.GetAttributeAsync("src") ?? string.Empty;
        StringAssert.StartsWith(src, "/", "the link is on this site");
        Assert.DoesNotContain("/image", src, "the player plays the video, not the poster");
        Assert.AreEqual(4.0, await video.EvaluateAsync<double>("v => v.duration"), 0.5, "the whole clip");

        // Seeking: the player asks for the bytes it needs (206 with Accept-Ranges) and lands where it was sent.
        double at = await video.EvaluateAsync<double>("""
            async v => {
              v.pause();
              const seeked = new Promise(resolve => v.addEventListener('seeked', resolve, { once: true }));
              v.currentTime = 3;
              await seeked;
              return v.currentTime;
            }
            """);
        Assert.AreEqual(3.0, at, 0.2, "the player seeked");
        var played = responses.Where(r => new Uri(r.Url).PathAndQuery.StartsWith(src.Split('?')[0], StringComparison.Ordinal)).ToList();
        Assert.IsTrue(played.Any(r => r.Status == 206 && r.AcceptRanges == "bytes"),
            "the link answers byte ranges: " + string.Join(", ", played.Select(r => $"{r.Status} {r.AcceptRanges}")));
        await CheckAsync(page, "journal: a video playing");
    }

    private static async Task<bool> ReleasedAsync(ApiClient parent, string mediaId) =>
        (await parent.ParentMediaAsync()).Any(m => m.MediaId == mediaId && m.Status == "released");

    /// <summary>
    /// The share of pixels, in a band of rows around the faces, where the poster's left half (Ava's astronaut, columns
    /// 0-299) and its right half (Ben's, the same picture 320 px to the right: columns 320-619) differ by more than 48
    /// in a channel. Both astronauts move together, so without a mask the halves match wherever the poster was taken.
    /// </summary>
    private static async Task<double> HalvesDifferAsync(ILocator poster, double faceY, double faceH) =>
        await poster.EvaluateAsync<double>("""
            async (img, [y, h]) => {
              await img.decode();
              const [w, ht] = [img.naturalWidth, img.naturalHeight];
              const canvas = document.createElement('canvas');
              canvas.width = w; canvas.height = ht;
              const g = canvas.getContext('2d');
              g.drawImage(img, 0, 0);
              const scale = w / 640;
              const top = Math.max(0, Math.floor((y - 10) * scale)), bottom = Math.min(ht, Math.ceil((y + h + 10) * scale));
              const data = g.getImageData(0, 0, w, ht).data;
              let differ = 0, count = 0;
              for (let row = top; row < bottom; row++) {
                for (let col = 0; col < Math.floor(300 * scale); col++) {
                  const a = (row * w + col) * 4, b = (row * w + col + Math.floor(320 * scale)) * 4;
                  const d = Math.max(Math.abs(data[a] - data[b]), Math.abs(data[a + 1] - data[b + 1]), Math.abs(data[a + 2] - data[b + 2]));
                  if (d > 48) { differ++; }
                  count++;
                }
              }
              return count === 0 ? 0 : differ / count;
            }
            """, new[] { faceY, faceH });

    [GeneratedRegex("^Play: Video of ")]
    private static partial Regex PlayName();
}
