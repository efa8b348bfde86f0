using System.Text.Json;

namespace MediaGate.Service.Tests.Video;

/// <summary>
/// Issue 14, "a crash resumes it from the start without duplicates": the service is killed (SIGKILL) while the video lane is
/// in the middle of a clip (30 s, about half a minute of work for the video passes on this machine); after a restart on the same data the clip is processed again from the beginning and ends with one
/// face per track, each once, and the photo uploaded behind it is decided too.
/// </summary>
[TestClass]
public sealed class VideoCrashTests : ServiceTest
{
    [TestMethod]
    [Timeout(900_000, CooperativeCancellation = true)]
    public async Task VideoLane_KilledMidClip_RestartProcessesItAgainWithEachTrackOnce()
    {
        var work = NewWorkFolder("video-crash");
        var settings = ServiceSettings.Embedded(work, "video-crash", Models).With("MEDIAGATE_Gate__LeaseSeconds", "6");
        var first = await ServiceProcess.StartAsync(settings);
        Nursery nursery;
        UploadReceipt video, photo;
        JsonElement beforeKill;
        try
        {
            nursery = await Nursery.CreateAsync(first.Address);
            await nursery.GrantJournalAsync(avaGroup: true, benGroup: true, caraGroup: false);
            video = await nursery.Tablet.UploadAsync([new UploadFile("clip.mp4", VideoTools.TwoPeoplePan(work, seconds: 30), "video/mp4")], [nursery.Ava.ChildId, nursery.Ben.ChildId]);
            photo = await nursery.Tablet.UploadAsync([UploadFile.FromPath(TestPhotos.Solos[0])], [nursery.Ava.ChildId]);
            await Task.Delay(TimeSpan.FromSeconds(3));
            beforeKill = await ItemAsync(nursery.Tablet, video.ObservationId);
        }
        catch
        {
            await first.DisposeAsync();
            throw;
        }

        first.Kill();
        await first.DisposeAsync();
        Assert.AreEqual("processing", beforeKill.GetProperty("status").GetString(), "precondition: the clip was still being processed when the service was killed");

        await using var second = await ServiceProcess.StartAsync(settings);
        using (nursery)
        {
            using var tablet = nursery.Tablet.On(second.Address);
            await tablet.WaitUntilDecidedAsync(video.ObservationId, TimeSpan.FromMinutes(6));
            await tablet.WaitUntilDecidedAsync(photo.ObservationId, TimeSpan.FromMinutes(2));
            var item = await ItemAsync(tablet, video.ObservationId);
            Assert.AreEqual("video", item.GetProperty("kind").GetString(), second.LogTail());
            Assert.AreNotEqual("failed", item.GetProperty("status").GetString(), second.LogTail());
            var faces = item.GetProperty("faces").EnumerateArray().ToList();
            var certain = faces.Where(f => !f.GetProperty("faint").GetBoolean()).ToList();
            Assert.HasCount(2, certain, "the two people, once each after the restart: " + item);
            Assert.HasCount(faces.Count, faces.Select(f => f.GetProperty("faceId").GetString()).Distinct().ToList(), "every face once");
            Assert.IsTrue(faces.All(f => f.TryGetProperty("firstMs", out _)), "every face is a stored track: " + item);
        }
    }

    private static async Task<JsonElement> ItemAsync(ApiClient tablet, string observationId) =>
        (await tablet.GetJsonAsync<JsonElement>($"/api/tablet/observations/{observationId}")).GetProperty("items")[0].Clone();
}
