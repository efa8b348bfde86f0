using MediaGate.Consent.Decisions;
using MediaGate.Consent.Matrix;
using MediaGate.Consent.People;
using MediaGate.Data.Media;
using MediaGate.Gate.Consents;
using MediaGate.Gate.Events;
using MediaGate.Gate.Outcomes;
using MediaGate.Gate.Tests.Support;
using MediaGate.Ingest;
using MediaGate.Ingest.Decode;
using MediaGate.Testing.Renditions;
using Microsoft.Extensions.DependencyInjection;

namespace MediaGate.Gate.Tests.Events;

/// <summary>
/// Uploads naming an event, through AcceptUpload and ProcessItem as the service runs them: the events decision is
/// made with the attendees' families as audience, its rendition shows a face only with that child's events consent,
/// and a consent change re-makes it (ChangeConsent, the same re-evaluation as the journal's).
/// </summary>
[TestClass]
public sealed class EventProcessingTests
{
    [TestMethod]
    public async Task AcceptAsync_UnknownEventId_422AndNothingStored()
    {
        await using var gate = await GateHarness.CreateAsync(Backends.SqliteFolders);
        var ava = await gate.AddChildAsync("Ava", Purpose.Journal);

        var result = await gate.Accept.AcceptAsync(
            await new UploadBody { Children = [ava], EventId = Guid.NewGuid().ToString("N") }.File(Photos.Astronaut).RequestAsync(), CancellationToken.None);

        Assert.AreEqual(GateProblemKind.Unprocessable, result.Problem?.Kind);
        Assert.IsEmpty(await gate.MasterKeysAsync(), "nothing of a refused upload stays stored");
        Assert.IsEmpty(await gate.Database.Media.ObservationsOfStaffAsync("staff-anna", 10));
    }

    [TestMethod]
    public async Task AcceptAsync_SameKeyWithAnotherEvent_IsAReuseRefused()
    {
        await using var gate = await GateHarness.CreateAsync(Backends.SqliteFolders);
        var ava = await gate.AddChildAsync("Ava", Purpose.Journal);
        var fair = await EventAsync(gate, ava);
        var picnic = await EventAsync(gate, ava);
        var first = await gate.Accept.AcceptAsync(
            await new UploadBody { Children = [ava], EventId = fair, IdempotencyKey = "k-1" }.File(Photos.Astronaut).RequestAsync(), CancellationToken.None);

        var second = await gate.Accept.AcceptAsync(
            await new UploadBody { Children = [ava], EventId = picnic, IdempotencyKey = "k-1" }.File(Photos.Astronaut).RequestAsync(), CancellationToken.None);

        Assert.IsNull(first.Problem);
        Assert.AreEqual(fair, (await gate.Database.Media.FindObservationAsync(first.Value.Receipt.ObservationId))?.EventId);
        Assert.AreEqual(GateProblemKind.Unprocessable, second.Problem?.Kind, "the same key for an upload to another event is not a retry");
    }

    [TestMethod]
    [DataRow(Backends.SqliteFolders)]
    [DataRow(Backends.PostgresAzurite)]
    public async Task ProcessAsync_PhotoOfAnEvent_EventRenditionForTheAttendeesMasksAChildWithoutEventsConsentUntilGranted(string backends)
    {
        await using var gate = await GateHarness.CreateAsync(backends);
        var ava = await gate.AddChildAsync("Ava", Purpose.Journal);
        var ben = await gate.AddChildAsync("Ben", Purpose.Journal, Purpose.Events);
        var fair = await EventAsync(gate, ava, ben);
        var result = await gate.Accept.AcceptAsync(
            await new UploadBody { Children = [ava], EventId = fair }.File(Photos.Astronaut).RequestAsync(), CancellationToken.None);
        var mediaId = result.Value.Receipt.Items.Single().MediaId;

        var status = await gate.Process.ProcessAsync(mediaId, CancellationToken.None);

        Assert.AreEqual(MediaStatus.Released, status, "the journal decides the status: Ava alone with journal consent");
        var audience = Audience.EventFamilies([ava, ben], [ava, ben]);
        var decision = (await gate.Database.Decisions.OfMediaAsync(mediaId)).Single(d => d.Request.Purpose == Purpose.Events);
        Assert.AreEqual(audience, decision.Request.Audience, "every attendee's family, Ben's too although he is not in the photo");
        Assert.AreEqual(FaceVisibility.Mask, decision.Faces.Single(), "Ava has no events consent: her face is masked");
        var face = (await gate.Database.Media.FacesAsync(mediaId)).Single().Box;
        Assert.IsGreaterThan(PixelThresholds.MaskedAtLeast, await FaceDifferenceAsync(gate, mediaId, audience, face), "the event rendition masks Ava");

        await gate.Services.GetRequiredService<ChangeConsent>().ApplyAsync(new ConsentChange(ava, Purpose.Events, true, false, "Mother", "FORM-E1", null), "manager-1");

        Assert.IsLessThan(PixelThresholds.ShownAtMost, await FaceDifferenceAsync(gate, mediaId, audience, face), "with events consent the re-made rendition shows Ava");
    }

    private static async Task<string> EventAsync(GateHarness gate, params ChildId[] attendees)
    {
        var outcome = await gate.Services.GetRequiredService<EventRegister>()
            .RecordAsync(new EventDraft("Fair", "2026-06-20", attendees.Select(a => (string?)a.Value).ToArray()), "manager-1");
        return outcome.Value.Id;
    }

    /// <summary>Mean difference inside the face between the event rendition and the master reduced the same way unmasked.</summary>
    private static async Task<double> FaceDifferenceAsync(GateHarness gate, string mediaId, Audience audience, Consent.Media.FaceBox face)
    {
        var rendition = await gate.Database.Renditions.FindAsync(mediaId, Purpose.Events, audience.Key);
        Assert.IsNotNull(rendition, "the event rendition exists");
        var bytes = await StoredObjects.ReadAsync(gate.Renditions, rendition.ObjectKey);
        var image = PhotoReader.ReadUpright(bytes!, new IngestLimits()).Value.Image;
        var item = await gate.Database.Media.FindItemAsync(mediaId);
        var masterBytes = await StoredObjects.ReadAsync(gate.Masters, item!.MasterKey!);
        var master = PhotoReader.ReadUpright(masterBytes!, new IngestLimits()).Value.Image;
        var plain = Pixels.PlainReduction(master, Math.Max(image.Width, image.Height));
        return Pixels.DifferenceInFace(image, plain, face, (double)image.Width / master.Width);
    }
}
