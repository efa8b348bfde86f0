using MediaGate.Data;
using MediaGate.Data.Media;
using MediaGate.Gate.Tests.Support;
using MediaGate.Storage;
using MediaGate.Storage.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MediaGate.Gate.Tests.Video;

/// <summary>
/// "Released" only when the copy exists (issue 14): a family's list shows a clip from the moment its rendition row exists
/// (ParentListRule), so the row is saved only after the clip is recorded and stored, and a withdrawal deletes the row before
/// the clip. Here Ben's family's first copy masks nobody (a stream copy of the master) and the others are renders.
/// </summary>
[TestClass]
public sealed class VideoRenditionsTests
{
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
        var (ava, ben, observationId, mediaId) = await TwoAstronauts.UploadAsync(gate, cancel);

        // Named: Ava's family's copy masks Ben, Ben's masks nobody (Ava has the group option): a copy of the master.
        await TwoAstronauts.NameAsync(gate, observationId, mediaId, ava, ben, cancel);

        // Ava's group option goes: Ben's family's copy is withdrawn and made again with Ava masked.
        await TwoAstronauts.WithdrawGroupOptionAsync(gate, ava, cancel);
        await TwoAstronauts.DrainAsync(gate, cancel);

        var made = await gate.Database.Renditions.OfMediaAsync(mediaId, cancel);
        Assert.HasCount(2, made, "both families have their copy");
        foreach (var rendition in made)
        {
            Assert.IsNotNull(await gate.Database.Videos.FindRenditionAsync(rendition.Id, cancel), rendition.AudienceKey);
        }

        Assert.IsGreaterThanOrEqualTo(4, checking!.Checks, "rows were saved and withdrawn: two copies, the withdrawn one, its new one");
        Assert.IsEmpty(checking.Problems, string.Join("\n", checking.Problems));
    }
}
