using MediaGate.Consent.Matrix;
using MediaGate.Consent.People;
using MediaGate.Gate.Consents;
using MediaGate.Gate.Faces;
using MediaGate.Gate.Observations;
using MediaGate.Gate.Tests.Support;
using MediaGate.Gate.Video;
using Microsoft.Extensions.DependencyInjection;

namespace MediaGate.Gate.Tests.Video;

/// <summary>
/// The video lane's story the rendition tests share: Ava (journal with the group option) and Ben (journal only) filmed
/// together (the astronaut clip, left Ava, right Ben), uploaded from a tablet, processed, each face named on the tablet,
/// then Ava's group option withdrawn.
/// </summary>
internal static class TwoAstronauts
{
    public static readonly TabletCaller Uploader = new("tablet-robins", "staff-anna");

    /// <summary>Adds the two children, uploads the clip tagged with both and runs the video lane until it is empty.</summary>
    public static async Task<(ChildId Ava, ChildId Ben, string ObservationId, string MediaId)> UploadAsync(GateHarness gate, CancellationToken cancel)
    {
        var ava = await gate.AddChildAsync("Ava", group: true, Purpose.Journal);
        var ben = await gate.AddChildAsync("Ben", group: false, Purpose.Journal);
        var folder = Directory.CreateTempSubdirectory("mediagate-astronauts-").FullName;
        var upload = await gate.Accept.AcceptAsync(await new UploadBody { Children = [ava, ben] }.File("clip.mp4", await AstronautClip.TwoFacesAsync(folder)).RequestAsync(), cancel);
        Assert.IsNull(upload.Problem, upload.Problem?.Detail);
        await DrainAsync(gate, cancel);
        return (ava, ben, upload.Value.Receipt.ObservationId, upload.Value.Receipt.Items[0].MediaId);
    }

    /// <summary>Names the left certain track Ava and the right one Ben on the tablet, then runs the lane (the naming's renders).</summary>
    public static async Task NameAsync(GateHarness gate, string observationId, string mediaId, ChildId ava, ChildId ben, CancellationToken cancel)
    {
        var faces = (await gate.Read.FindAsync(observationId, Uploader, cancel)).Value.Items.Single(i => i.MediaId == mediaId).Faces.Where(f => !f.Faint).OrderBy(f => f.X).ToList();
        Assert.HasCount(2, faces, "the two astronauts are two certain tracks");
        var named = await gate.Assign.ByTabletAsync(mediaId, Uploader, [new FaceAssignmentInput(faces[0].FaceId, ava.Value), new FaceAssignmentInput(faces[1].FaceId, ben.Value)], cancel);
        Assert.IsNull(named.Problem, named.Problem?.Detail);
        await DrainAsync(gate, cancel);
    }

    /// <summary>The manager records Ava's journal consent again without the group option (the lane is not run).</summary>
    public static async Task WithdrawGroupOptionAsync(GateHarness gate, ChildId ava, CancellationToken cancel)
    {
        var now = TimeProvider.System.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var changed = await gate.Services.GetRequiredService<ChangeConsent>().RecordAsync(
            new ConsentRecord(ava, Purpose.Journal, true, false, "Parent of Ava", "FORM-Ava-2", today.AddDays(-1), today.AddDays(335), null, now),
            "manager", cancel);
        Assert.IsNull(changed.Problem, changed.Problem?.Detail);
    }

    /// <summary>Runs the video lane's work until none is left.</summary>
    public static async Task DrainAsync(GateHarness gate, CancellationToken cancel)
    {
        var worker = gate.Services.GetRequiredService<VideoWorker>();
        while (await worker.RunOneAsync(cancel))
        {
        }
    }
}
