using MediaGate.Consent.Matrix;
using MediaGate.Data;
using MediaGate.Data.Media;
using MediaGate.Gate.Consents;
using MediaGate.Gate.Faces;
using MediaGate.Gate.Observations;
using MediaGate.Gate.Tests.Support;
using MediaGate.Gate.Video;
using MediaGate.Storage;
using MediaGate.Storage.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MediaGate.Gate.Tests.Video;

/// <summary>
/// "Released" only when the copy exists (issue 14): a family's list shows a clip from the moment its rendition row exists
/// (ParentListRule), so the row is saved only after the clip is recorded and stored, and a withdrawal deletes the row before
/// the clip. A picture that masks nothing is a copy of the master, and one audience's silent copy a copy of another's.
/// </summary>
[TestClass]
public sealed class VideoRenditionsTests
{
    private static readonly TabletCaller Uploader = new("tablet-robins", "staff-anna");

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [Timeout(600_000, CooperativeCancellation = true)]
    public async Task RefreshAsync_CopiesMadeNamedAndWithdrawn_NoRenditionRowWithoutItsClip()
    {
        var cancel = TestContext.CancellationToken;
        var work = Path.Combine(Directory.CreateTempSubdirectory("mediagate-renditions-work-").FullName, "video-work");
        ClipCheckingRenditions? checking = null;
        await using var gate = await GateHarness.CreateAsync(Backends.SqliteFolders, new Dictionary<string, string?> { ["Video:WorkFolder"] = work }, configure: services =>
        {
            VideoRenderQueueTests.AddVideo(services);
            services.Replace(ServiceDescriptor.Singleton<IRenditionRepository>(provider =>
            {
                var database = provider.GetRequiredService<MediaGateDatabase>();
                checking = new ClipCheckingRenditions(
                    database.Renditions, database.Videos, provider.GetRequiredKeyedService<IObjectStore>(StorageServiceCollectionExtensions.RenditionStore));
                return checking;
            }));
        });
        var ava = await gate.AddChildAsync("Ava", group: true, Purpose.Journal);
        var ben = await gate.AddChildAsync("Ben", group: false, Purpose.Journal);
        var folder = Directory.CreateTempSubdirectory("mediagate-renditions-").FullName;
        var upload = await gate.Accept.AcceptAsync(await new UploadBody { Children = [ava, ben] }.File("clip.mp4", await AstronautClip.TwoFacesAsync(folder)).RequestAsync(), cancel);
        Assert.IsNull(upload.Problem, upload.Problem?.Detail);
        var mediaId = upload.Value.Receipt.Items[0].MediaId;
        var worker = gate.Services.GetRequiredService<VideoWorker>();
        await DrainAsync(worker, cancel);

        // Named: Ava's family's copy masks Ben, Ben's masks nobody (Ava has the group option): a copy of the master.
        var faces = (await gate.Read.FindAsync(upload.Value.Receipt.ObservationId, Uploader, cancel)).Value.Items[0].Faces
            .Where(f => !f.Faint).OrderBy(f => f.X).ToList();
        Assert.HasCount(2, faces, "the two astronauts are two certain tracks");
        var named = await gate.Assign.ByTabletAsync(mediaId, Uploader, [new FaceAssignmentInput(faces[0].FaceId, ava.Value), new FaceAssignmentInput(faces[1].FaceId, ben.Value)], cancel);
        Assert.IsNull(named.Problem, named.Problem?.Detail);
        await DrainAsync(worker, cancel);

        // Ava's group option goes: Ben's family's copy is withdrawn and made again with Ava masked.
        var now = TimeProvider.System.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var changed = await gate.Services.GetRequiredService<ChangeConsent>().RecordAsync(
            new ConsentRecord(ava, Purpose.Journal, true, false, "Parent of Ava", "FORM-Ava-2", today.AddDays(-1), today.AddDays(335), null, now),
            "manager", cancel);
        Assert.IsNull(changed.Problem, changed.Problem?.Detail);
        await DrainAsync(worker, cancel);

        var made = await gate.Database.Renditions.OfMediaAsync(mediaId, cancel);
        Assert.HasCount(2, made, "both families have their copy");
        foreach (var rendition in made)
        {
            Assert.IsNotNull(await gate.Database.Videos.FindRenditionAsync(rendition.Id, cancel), rendition.AudienceKey);
        }

        Assert.IsGreaterThanOrEqualTo(4, checking!.Checks, "rows were saved and withdrawn: two copies, the withdrawn one, its new one");
        Assert.IsEmpty(checking.Problems, string.Join("\n", checking.Problems));
    }

    private static async Task DrainAsync(VideoWorker worker, CancellationToken cancel)
    {
        while (await worker.RunOneAsync(cancel))
        {
        }
    }
}
