using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace MediaGate.Service.Tests.Video;

/// <summary>
/// Issue 14 through the running service: a clip made by ffmpeg from a labelled two-person photo, with GPS, device tags and
/// sound, goes up from the tablet like a photo, is followed into two face tracks that the tablet names, and reaches two
/// families' journals each masked for that family (checked on decoded frames against the master the manager plays); a
/// withdrawal re-makes the other family's rendition; the website gets no sound; nothing carries a tag (ffprobe and exiftool);
/// byte ranges work; a playback link plays one rendition only, and expires.
/// </summary>
[TestClass]
public sealed class VideoServiceTests : ServiceTest
{
    private static readonly TimeSpan Processing = TimeSpan.FromMinutes(6);

    [TestMethod]
    [Timeout(900_000, CooperativeCancellation = true)]
    public async Task Video_FromTabletToTwoJournals_MaskedPerFamilyRemadeOnWithdrawalWithoutTagsOrWebsiteSound()
    {
        var work = NewWorkFolder("video");
        await using var service = await ServiceProcess.StartAsync(
            ServiceSettings.Embedded(work, "video", Models).With("MEDIAGATE_Video__LinkSeconds", "10"));
        using var nursery = await Nursery.CreateAsync(service.Address);
        var (ava, ben) = (nursery.Ava, nursery.Ben);
        await nursery.Manager.SetConsentAsync(ava.ChildId, "journal", granted: true, group: true);
        await nursery.Manager.SetConsentAsync(ben.ChildId, "journal", granted: true, group: false);
        await nursery.Manager.SetConsentAsync(ava.ChildId, "website", granted: true);
        await nursery.Manager.SetConsentAsync(ben.ChildId, "website", granted: true);

        // Sniffed, not by its name: the clip goes up as "clip.bin".
        var clip = VideoTools.TwoPeoplePan(work);
        var receipt = await nursery.Tablet.UploadAsync([new UploadFile("clip.bin", clip, "application/octet-stream")], [ava.ChildId, ben.ChildId], "Singing");
        var mediaId = receipt.Items.Single().MediaId;
        await nursery.Tablet.WaitUntilDecidedAsync(receipt.ObservationId, Processing);

        // The item is a video; its faces are tracks with their time span; the two people are certain tracks.
        var item = await ItemJsonAsync(nursery.Tablet, receipt.ObservationId);
        Assert.AreEqual("video", item.GetProperty("kind").GetString(), service.LogTail());
        var tracks = item.GetProperty("faces").EnumerateArray().ToList();
        Assert.IsTrue(tracks.All(t => t.GetProperty("lastMs").GetInt64() >= t.GetProperty("firstMs").GetInt64()), item.ToString());
        var people = tracks.Where(t => !t.GetProperty("faint").GetBoolean()).OrderBy(t => t.GetProperty("x").GetDouble()).ToList();
        Assert.HasCount(2, people, "the two labelled people are two certain tracks: " + item);
        var (avaFace, benFace) = (Face(people[0]), Face(people[1]));

        // Each track's clearest frame: the tablet names it there, the manager's crop is cut from it (JPEGs, as for photos).
        foreach (var face in new[] { avaFace, benFace })
        {
            var frame = RgbImage.FromJpeg(await nursery.Tablet.GetBytesAsync($"/api/tablet/media/{mediaId}/faces/{face.FaceId}/frame"));
            Assert.AreEqual((960, 720), (frame.Width, frame.Height), "the frame is the master's size, the box in its pixels");
            var crop = RgbImage.FromJpeg(await nursery.Manager.GetBytesAsync($"/api/manager/media/{mediaId}/faces/{face.FaceId}/crop"));
            Assert.IsLessThanOrEqualTo(512, Math.Max(crop.Width, crop.Height));
        }

        RgbImage.FromJpeg(await nursery.Tablet.GetBytesAsync($"/api/tablet/media/{mediaId}/preview"));

        // Named on the tablet as a photo's faces are; then the journal is released.
        await nursery.Tablet.AssignFacesAsync(mediaId, [new FaceAssignmentBody(avaFace.FaceId, ava.ChildId), new FaceAssignmentBody(benFace.FaceId, ben.ChildId)]);
        Assert.IsTrue(await Poll.UntilAsync(async () => (await ItemJsonAsync(nursery.Tablet, receipt.ObservationId)).GetProperty("status").GetString() == "released", Processing),
            service.LogTail());

        // The journal lists it as a video, with a masked poster at .../image, once the video lane has made the copies the naming
        // queued (renditions outside the request).
        JsonElement listed = default;
        Assert.IsTrue(await Poll.UntilAsync(async () =>
        {
            listed = await ava.Parent.GetJsonAsync<JsonElement>("/api/parent/media");
            var bens = await ben.Parent.GetJsonAsync<JsonElement>("/api/parent/media");
            return listed.EnumerateArray().Any(e => e.GetProperty("mediaId").GetString() == mediaId)
                && bens.EnumerateArray().Any(e => e.GetProperty("mediaId").GetString() == mediaId);
        }, Processing), "both families' copies are made in the video lane: " + service.LogTail());
        Assert.AreEqual("video", listed.EnumerateArray().Single(e => e.GetProperty("mediaId").GetString() == mediaId).GetProperty("kind").GetString());
        var poster = RgbImage.FromJpeg(await ava.Parent.GetBytesAsync($"/api/parent/media/{mediaId}/image"));
        Assert.AreEqual((960, 720), (poster.Width, poster.Height));

        var master = await nursery.Manager.GetBytesAsync($"/api/manager/media/{mediaId}/video");
        var masterFrame = VideoTools.FrameJpeg(work, master, 1.5);
        var avasCopy = await ava.Parent.GetBytesAsync($"/api/parent/media/{mediaId}/video");
        var bensCopy = await ben.Parent.GetBytesAsync($"/api/parent/media/{mediaId}/video");

        // Ava's family: Ava shown, Ben masked (no group option). Ben's family: both shown (Ava has the group option).
        var inAvas = new FacePixels(masterFrame, VideoTools.FrameJpeg(work, avasCopy, 1.5), [avaFace, benFace]);
        Assert.IsTrue(inAvas.IsShown(avaFace), "Ava in her family's copy: " + inAvas.Describe(avaFace));
        Assert.IsTrue(inAvas.IsMasked(benFace), "Ben in Ava's family's copy: " + inAvas.Describe(benFace));
        var inBens = new FacePixels(masterFrame, VideoTools.FrameJpeg(work, bensCopy, 1.5), [avaFace, benFace]);
        Assert.IsTrue(inBens.IsShown(benFace), "Ben in his family's copy: " + inBens.Describe(benFace));
        Assert.IsTrue(inBens.IsShown(avaFace), "Ava (group option) in Ben's family's copy: " + inBens.Describe(avaFace));

        // The journal keeps the sound; nothing keeps a tag (master and renditions).
        Assert.AreEqual(1, VideoTools.AudioStreams(VideoTools.Probe(work, avasCopy)), "the journal keeps the sound");
        foreach (var (name, bytes) in new[] { ("master", master), ("Ava's copy", avasCopy), ("Ben's copy", bensCopy) })
        {
            AssertNoTag(work, name, bytes);
        }

        // A player can seek: byte ranges.
        await AssertByteRangesAsync(ava.Parent, $"/api/parent/media/{mediaId}/video", avasCopy);

        // Not theirs: 404. A link plays the one rendition it was made for, without the bearer header.
        using (var cara = await nursery.Cara.Parent.SendAsync(HttpMethod.Get, $"/api/parent/media/{mediaId}/video"))
        {
            Assert.AreEqual(HttpStatusCode.NotFound, cara.StatusCode, "another family's video");
        }

        using (var caraLink = await nursery.Cara.Parent.SendAsync(HttpMethod.Post, $"/api/parent/media/{mediaId}/video/link"))
        {
            Assert.AreEqual(HttpStatusCode.NotFound, caraLink.StatusCode, "no link to another family's video");
        }

        using var anonymous = ApiClient.Anonymous(service.Address);
        var bensLink = await LinkAsync(ben.Parent, mediaId);
        CollectionAssert.AreEqual(bensCopy, await anonymous.GetBytesAsync(bensLink), "Ben's link plays Ben's family's copy");
        var avasLink = await LinkAsync(ava.Parent, mediaId);
        CollectionAssert.AreEqual(avasCopy, await anonymous.GetBytesAsync(avasLink), "Ava's link plays Ava's family's copy, not Ben's");
        await AssertByteRangesAsync(anonymous, bensLink, bensCopy);

        // Withdrawal: Ava's group option goes, so Ben's family's copy is made again with Ava masked, and its old link ends.
        await nursery.Manager.SetConsentAsync(ava.ChildId, "journal", granted: true, group: false);
        byte[]? remade = null;
        Assert.IsTrue(await Poll.UntilAsync(async () =>
        {
            using var response = await ben.Parent.SendAsync(HttpMethod.Get, $"/api/parent/media/{mediaId}/video");
            remade = response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadAsByteArrayAsync() : null;
            return remade is not null && !remade.AsSpan().SequenceEqual(bensCopy);
        }, Processing), "Ben's family's copy is made again after the withdrawal: " + service.LogTail());
        var afterWithdrawal = new FacePixels(masterFrame, VideoTools.FrameJpeg(work, remade!, 1.5), [avaFace, benFace]);
        Assert.IsTrue(afterWithdrawal.IsMasked(avaFace), "Ava after the withdrawal: " + afterWithdrawal.Describe(avaFace));
        Assert.IsTrue(afterWithdrawal.IsShown(benFace), "Ben after the withdrawal: " + afterWithdrawal.Describe(benFace));
        using (var old = await anonymous.SendAsync(HttpMethod.Get, bensLink))
        {
            Assert.AreEqual(HttpStatusCode.NotFound, old.StatusCode, "a link to the withdrawn copy plays nothing");
        }

        // The website: approved by the manager, masked for the public, never with sound, no tag.
        await nursery.Manager.DecideAsync(mediaId, "website", "release");
        using var website = ApiClient.Website(service.Address, await nursery.Manager.CreateWebsiteKeyAsync("site-" + nursery.Tag));
        Assert.IsTrue(await Poll.UntilAsync(async () => (await website.WebsitePhotosAsync()).Count == 1, Processing), service.LogTail());
        var entry = (await website.WebsitePhotosAsync()).Single();
        var online = await website.GetBytesAsync($"/api/website/photos/{entry.Id}.mp4");
        Assert.AreEqual(0, VideoTools.AudioStreams(VideoTools.Probe(work, online)), "the website never gets the sound");
        AssertNoTag(work, "the website's copy", online);

        // A link expires (Video:LinkSeconds is 10 here).
        var expiring = await LinkAsync(ava.Parent, mediaId);
        await Task.Delay(TimeSpan.FromSeconds(11));
        using (var expired = await anonymous.SendAsync(HttpMethod.Get, expiring))
        {
            Assert.AreEqual(HttpStatusCode.NotFound, expired.StatusCode, "an expired link plays nothing");
        }
    }

    private static async Task<JsonElement> ItemJsonAsync(ApiClient tablet, string observationId)
    {
        var observation = await tablet.GetJsonAsync<JsonElement>($"/api/tablet/observations/{observationId}");
        return observation.GetProperty("items")[0].Clone();
    }

    private static FaceView Face(JsonElement face) => new(
        face.GetProperty("faceId").Clone(), face.GetProperty("x").GetDouble(), face.GetProperty("y").GetDouble(),
        face.GetProperty("w").GetDouble(), face.GetProperty("h").GetDouble(), face.GetProperty("score").GetDouble(), null);

    private static async Task<string> LinkAsync(ApiClient parent, string mediaId)
    {
        using var response = await parent.SendAsync(HttpMethod.Post, $"/api/parent/media/{mediaId}/video/link");
        var link = await ApiClient.ReadAsync<JsonElement>(response, "POST video/link", HttpStatusCode.OK);
        return link.GetProperty("url").GetString()!;
    }

    /// <summary>Ranges as a player asks for them: the first 100 bytes (206), a range past the end (416), and Accept-Ranges.</summary>
    private static async Task AssertByteRangesAsync(ApiClient client, string path, byte[] whole)
    {
        using (var head = await client.SendAsync(HttpMethod.Get, path, configure: r => r.Headers.Range = new RangeHeaderValue(0, 99)))
        {
            Assert.AreEqual(HttpStatusCode.PartialContent, head.StatusCode, path);
            Assert.AreEqual($"bytes 0-99/{whole.Length}", head.Content.Headers.ContentRange?.ToString());
            CollectionAssert.AreEqual(whole[..100], await head.Content.ReadAsByteArrayAsync());
            Assert.Contains("bytes", head.Headers.AcceptRanges, "Accept-Ranges: bytes");
        }

        using (var tail = await client.SendAsync(HttpMethod.Get, path, configure: r => r.Headers.Range = new RangeHeaderValue(whole.Length - 10, null)))
        {
            Assert.AreEqual(HttpStatusCode.PartialContent, tail.StatusCode, path);
            CollectionAssert.AreEqual(whole[^10..], await tail.Content.ReadAsByteArrayAsync());
        }

        using var beyond = await client.SendAsync(HttpMethod.Get, path, configure: r => r.Headers.Range = new RangeHeaderValue(whole.Length + 10, null));
        Assert.AreEqual(HttpStatusCode.RequestedRangeNotSatisfiable, beyond.StatusCode, path);
    }

    private static void AssertNoTag(string work, string name, byte[] mp4)
    {
        var probe = VideoTools.Probe(work, mp4);
        var allowed = new HashSet<string>(StringComparer.Ordinal) { "major_brand", "minor_version", "compatible_brands", "handler_name", "vendor_id", "language" };
        var tags = new List<string>();
        if (probe.GetProperty("format").TryGetProperty("tags", out var formatTags))
        {
            tags.AddRange(formatTags.EnumerateObject().Select(t => t.Name));
        }

        foreach (var stream in probe.GetProperty("streams").EnumerateArray())
        {
            Assert.AreNotEqual("subtitle", stream.GetProperty("codec_type").GetString(), name);
            Assert.AreNotEqual("data", stream.GetProperty("codec_type").GetString(), name);
            if (stream.TryGetProperty("tags", out var streamTags))
            {
                tags.AddRange(streamTags.EnumerateObject().Select(t => t.Name));
            }
        }

        var unexpected = tags.Where(t => !allowed.Contains(t)).ToList();
        Assert.IsEmpty(unexpected, $"{name} carries tags: {string.Join(", ", unexpected)}");
        // ffmpeg's MP4 writer always adds an empty metadata box whose handler's vendor field reads "Apple": a constant, not the device.
        var exif = string.Join('\n', VideoTools.ExifTool(work, mp4).Split('\n').Where(l => !l.Contains("HandlerVendorID", StringComparison.Ordinal)));
        foreach (var forbidden in new[] { "GPS", "Make", "Model", "Location", "Apple", "iPad", "51.5074", "Encoder", "2026" })
        {
            Assert.DoesNotContain(forbidden, exif, $"exiftool still reads {forbidden} in {name}:\n{exif}");
        }
    }
}
