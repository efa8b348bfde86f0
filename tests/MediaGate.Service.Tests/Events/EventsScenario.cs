using System.Diagnostics;
using System.Net;

namespace MediaGate.Service.Tests.Events;

/// <summary>
/// Events end to end (issue 7, section 5: renditions "per event (families of children who attended)"; README),
/// through HTTP only, run by <see cref="EventsSqliteTests"/> and <see cref="EventsPostgresAzuriteTests"/>: the manager
/// records a fair that Ava and Ben attended (Cara did not); Ava's family granted <c>events</c>, Ben's did not. An
/// upload naming an unknown event is a 422 and stores nothing. The group photo of Ava and Ben, uploaded for the fair:
/// both attending families list it released (as a journal item: journal photos needing masks are released with them by
/// default, issue 12) and get the same event rendition, in which Ava is shown
/// and Ben masked (on the pixels, against the master) — masked even for his own family, as the events rule says;
/// Cara's family, who did not attend, gets 404. Granting Ben's events consent unmasks him and withdrawing Ava's masks
/// her, each within 5 seconds (the re-made rendition).
/// </summary>
internal static class EventsScenario
{
    private static readonly TimeSpan ProcessingLimit = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan ChangeLimit = TimeSpan.FromSeconds(5);

    public static async Task RunAsync(ServiceProcess service, TestContext context)
    {
        using var nursery = await Nursery.CreateAsync(service.Address);
        var (ava, ben, cara) = (nursery.Ava, nursery.Ben, nursery.Cara);
        await nursery.GrantJournalAsync(avaGroup: false, benGroup: false, caraGroup: false);
        await nursery.Manager.SetConsentAsync(ava.ChildId, "events", granted: true);
        await nursery.Manager.SetConsentAsync(cara.ChildId, "events", granted: true);
        var fair = await nursery.Manager.CreateEventAsync("Summer fair " + nursery.Tag, "2026-06-20", ava.ChildId, ben.ChildId);
        var listed = (await nursery.Manager.EventsAsync()).Single(e => e.Id == fair);
        CollectionAssert.AreEquivalent(new[] { ava.ChildId, ben.ChildId }, listed.Attendees.ToArray(), "the event lists its attendees");
        Assert.AreEqual("2026-06-20", listed.Date);

        // An upload naming an event that does not exist: 422 ProblemDetails, and nothing of it is stored.
        var groupFile = UploadFile.FromPath(TestPhotos.GroupOfTwo);
        var before = await nursery.Tablet.RecentObservationIdsAsync();
        using (var refused = await nursery.Tablet.SendUploadAsync([groupFile], [ava.ChildId, ben.ChildId], "At the fair", Guid.NewGuid().ToString("N"),
            eventId: Guid.NewGuid().ToString("N")))
        {
            Assert.AreEqual(HttpStatusCode.UnprocessableEntity, refused.StatusCode, await refused.Content.ReadAsStringAsync());
            Assert.AreEqual("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        }

        CollectionAssert.AreEqual(before.ToArray(), (await nursery.Tablet.RecentObservationIdsAsync()).ToArray(), "a refused upload leaves no observation");

        var upload = await nursery.Tablet.UploadAsync([groupFile], [ava.ChildId, ben.ChildId], "At the fair", eventId: fair);
        var groupId = upload.Items.Single().MediaId;
        var item = (await nursery.Tablet.WaitUntilDecidedAsync(upload.ObservationId, ProcessingLimit)).Single();
        Assert.HasCount(2, item.Faces, $"{service.LogTail()}\nthe group photo's two faces");
        var faces = item.Faces.OrderBy(f => f.X).ToList();
        var (avaFace, benFace) = (faces[0], faces[1]);
        await nursery.Tablet.AssignFacesAsync(groupId, [new(avaFace.FaceId, ava.ChildId), new(benFace.FaceId, ben.ChildId)]);

        // Both attending families list it, released; Cara's family (not at the fair) does not.
        foreach (var family in new[] { ava, ben })
        {
            Assert.IsTrue(await Poll.UntilAsync(async () => (await family.Parent.ParentMediaAsync())
                .Any(m => m is { Status: "released", Purpose: "events" or "journal" } && m.MediaId == groupId && m.ChildId == family.ChildId), TimeSpan.FromSeconds(10)),
                $"{family.ParentUsername} lists the fair photo, released: {string.Join(", ", await family.Parent.ParentMediaAsync())}\n{service.LogTail()}");
        }

        Assert.IsFalse((await cara.Parent.ParentMediaAsync()).Any(m => m.MediaId == groupId), "Cara did not attend: her family does not list the fair photo");
        foreach (var purpose in new string?[] { null, "events", "journal" })
        {
            using var forCara = await cara.Parent.ParentImageAsync(groupId, purpose);
            Assert.AreEqual(HttpStatusCode.NotFound, forCara.StatusCode, $"Cara's family gets 404 for the fair photo (purpose {purpose ?? "none"})");
            Assert.DoesNotContain("Zq" + nursery.Tag, await forCara.Content.ReadAsStringAsync(), "a 404 names no child");
        }

        // The event rendition, on the pixels: Ava (events consent) shown, Ben (none) masked, for both families.
        var master = await nursery.Manager.GetMasterAsync(groupId);
        foreach (var family in new[] { ava, ben })
        {
            var pixels = new FacePixels(master, await EventImageAsync(family.Parent, groupId), faces);
            Assert.IsTrue(pixels.IsShown(avaFace), $"Ava has events consent: shown to {family.ParentUsername}: " + pixels.Describe(avaFace));
            Assert.IsTrue(pixels.IsMasked(benFace), $"Ben has no events consent: masked for {family.ParentUsername}: " + pixels.Describe(benFace));
        }

        // Consent changes re-make the event rendition within seconds: Ben granted (shown), then Ava withdrawn (masked).
        var clock = Stopwatch.StartNew();
        await nursery.Manager.SetConsentAsync(ben.ChildId, "events", granted: true);
        Assert.IsTrue(await Poll.UntilAsync(async () => new FacePixels(master, await EventImageAsync(ben.Parent, groupId), faces).IsShown(benFace), ChangeLimit),
            $"with events consent Ben is shown in the event rendition within {ChangeLimit} (waited {clock.Elapsed})");
        context.WriteLine($"events grant seen after {clock.ElapsedMilliseconds} ms");

        clock.Restart();
        await nursery.Manager.SetConsentAsync(ava.ChildId, "events", granted: false);
        Assert.IsTrue(await Poll.UntilAsync(async () => new FacePixels(master, await EventImageAsync(ava.Parent, groupId), faces).IsMasked(avaFace), ChangeLimit),
            $"after the withdrawal Ava is masked in the event rendition within {ChangeLimit} (waited {clock.Elapsed})");
        context.WriteLine($"events withdrawal seen after {clock.ElapsedMilliseconds} ms");
        var forBen = new FacePixels(master, await EventImageAsync(ben.Parent, groupId), faces);
        Assert.IsTrue(forBen.IsShown(benFace) && forBen.IsMasked(avaFace), "Ben's family: Ben shown, Ava masked: " + forBen.Describe(benFace) + "; " + forBen.Describe(avaFace));
    }

    private static async Task<byte[]> EventImageAsync(ApiClient parent, string mediaId)
    {
        using var response = await parent.ParentImageAsync(mediaId, "events");
        await ApiClient.ExpectAsync(response, $"GET parent event image {mediaId}", HttpStatusCode.OK);
        Assert.AreEqual("image/jpeg", response.Content.Headers.ContentType?.MediaType, "renditions are JPEGs");
        return await response.Content.ReadAsByteArrayAsync();
    }
}
