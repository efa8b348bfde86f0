using System.Net;
using System.Text.Json;

namespace MediaGate.Service.Tests.Events;

/// <summary>
/// Regression for the leak of issue 12, section 0, over HTTP only: the manager records a picnic that Ava and Ben attended;
/// Cara, who did not, has events consent. A photo of Cara tagged Cara with the picnic's <c>eventId</c> was shown unmasked
/// to Ava's and Ben's families. Now the upload is refused (422 ProblemDetails naming the child, nothing stored), and the
/// same photo uploaded without the event reaches only Cara's family. (The engine also masks, for an event's families,
/// any face of a child who did not attend: that is checked on the pixels in the gate's tests, since the API cannot make
/// such an observation any more.)
/// </summary>
[TestClass]
public sealed class EventLeakTests : ServiceTest
{
    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public async Task Upload_PhotoTaggedWithAChildWhoDidNotAttendTheEvent_IsRefusedAndNeverReachesTheAttendingFamilies()
    {
        var work = NewWorkFolder("event-leak");
        await using var service = await ServiceProcess.StartAsync(ServiceSettings.Embedded(work, "event-leak", Models));
        using var nursery = await Nursery.CreateAsync(service.Address);
        var (ava, ben, cara) = (nursery.Ava, nursery.Ben, nursery.Cara);
        await nursery.GrantJournalAsync(avaGroup: true, benGroup: true, caraGroup: true);
        foreach (var family in nursery.Families)
        {
            await nursery.Manager.SetConsentAsync(family.ChildId, "events", granted: true);
        }

        var picnic = await nursery.Manager.CreateEventAsync("Picnic " + nursery.Tag, "2026-06-20", ava.ChildId, ben.ChildId);
        var photo = UploadFile.FromPath(TestPhotos.Solos[0]);
        var before = await nursery.Tablet.RecentObservationIdsAsync();

        foreach (var tagged in new[] { new[] { cara.ChildId }, new[] { ava.ChildId, cara.ChildId } })
        {
            using var refused = await nursery.Tablet.SendUploadAsync([photo], tagged, "At the picnic", Guid.NewGuid().ToString("N"), eventId: picnic);
            var body = await refused.Content.ReadAsStringAsync();
            Assert.AreEqual(HttpStatusCode.UnprocessableEntity, refused.StatusCode, body);
            Assert.AreEqual("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(body);
            StringAssert.Contains(problem.RootElement.GetProperty("detail").GetString(), cara.ChildId, "the problem names the child who did not attend");
            Assert.DoesNotContain(ava.ChildId, problem.RootElement.GetProperty("detail").GetString()!, "an attendee is not named as a problem");
        }

        CollectionAssert.AreEqual(before.ToArray(), (await nursery.Tablet.RecentObservationIdsAsync()).ToArray(), "a refused upload leaves no observation");

        // The same photo without the event: Cara's own journal only.
        var upload = await nursery.Tablet.UploadAsync([photo], [cara.ChildId], "In the garden");
        var mediaId = upload.Items.Single().MediaId;
        var item = (await nursery.Tablet.WaitUntilDecidedAsync(upload.ObservationId, TimeSpan.FromSeconds(90))).Single();
        Assert.AreEqual("released", item.Status, service.LogTail());
        Assert.IsTrue((await cara.Parent.ReleasedParentMediaAsync()).Any(m => m.MediaId == mediaId), "Cara's family has it");
        foreach (var family in new[] { ava, ben })
        {
            Assert.IsFalse((await family.Parent.ParentMediaAsync()).Any(m => m.MediaId == mediaId), $"{family.ParentUsername} does not list Cara's photo");
            foreach (var purpose in new string?[] { null, "events", "journal" })
            {
                using var image = await family.Parent.ParentImageAsync(mediaId, purpose);
                Assert.AreEqual(HttpStatusCode.NotFound, image.StatusCode, $"{family.ParentUsername} gets 404 for Cara's photo (purpose {purpose ?? "none"})");
            }
        }
    }
}
