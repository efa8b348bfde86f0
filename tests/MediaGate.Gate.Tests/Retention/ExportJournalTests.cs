using System.IO.Compression;
using MediaGate.Consent.Matrix;
using MediaGate.Consent.People;
using MediaGate.Gate.Events;
using MediaGate.Gate.Retention;
using MediaGate.Gate.Tests.Processing;
using MediaGate.Gate.Tests.Support;
using MediaGate.Storage;
using MediaGate.Storage.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace MediaGate.Gate.Tests.Retention;

[TestClass]
public sealed class ExportJournalTests
{
    [TestMethod]
    public async Task WriteAsync_StoreFailsHalfway_ThrowsAndWritesNoZipThatOpens()
    {
        var renditions = new FaultyStore();
        await using var gate = await GateHarness.CreateAsync(Backends.SqliteFolders,
            configure: services => renditions.Around(services, StorageServiceCollectionExtensions.RenditionStore));
        var ava = await gate.AddChildAsync("Ava", Purpose.Journal);
        foreach (var photo in new[] { Photos.Astronaut, Photos.Coffee })
        {
            var item = await ProcessItemTests.UploadAsync(gate, photo, ava);
            await gate.Process.ProcessAsync(item.MediaId, CancellationToken.None);
        }

        var export = Export(gate, ava);
        var plan = await export.PlanAsync("parent-1", CancellationToken.None);
        Assert.HasCount(2, plan.Files);
        using var output = new FailingOnFirstWrite(() => renditions.Fault = FaultyStore.Down);

        await Assert.ThrowsExactlyAsync<ObjectStoreException>(() => export.WriteAsync(plan, output, CancellationToken.None));

        Assert.IsGreaterThan(0L, output.Length, "the first file was on its way when the store failed");
        using var received = new MemoryStream(output.ToArray());
        Assert.ThrowsExactly<InvalidDataException>(() => new ZipArchive(received, ZipArchiveMode.Read), "what the parent received must not open as a complete ZIP");
    }

    [TestMethod]
    public async Task WriteAsync_StoreAnswers_WritesEveryFile()
    {
        await using var gate = await GateHarness.CreateAsync(Backends.SqliteFolders);
        var ava = await gate.AddChildAsync("Ava", Purpose.Journal);
        var item = await ProcessItemTests.UploadAsync(gate, Photos.Astronaut, ava);
        await gate.Process.ProcessAsync(item.MediaId, CancellationToken.None);
        var export = Export(gate, ava);
        using var output = new MemoryStream();

        await export.WriteAsync(await export.PlanAsync("parent-1", CancellationToken.None), output, CancellationToken.None);

        using var zip = new ZipArchive(new MemoryStream(output.ToArray()), ZipArchiveMode.Read);
        Assert.HasCount(1, zip.Entries);
        StringAssert.StartsWith(zip.Entries[0].FullName, "Ava/");
    }

    [TestMethod]
    public async Task PlanAsync_EventPhotoOfAnAttendingFamily_IsInTheEventsFolder()
    {
        await using var gate = await GateHarness.CreateAsync(Backends.SqliteFolders);
        var ava = await gate.AddChildAsync("Ava", Purpose.Journal);
        var ben = await gate.AddChildAsync("Ben", Purpose.Journal, Purpose.Events);
        var fair = await gate.Services.GetRequiredService<EventRegister>()
            .RecordAsync(new EventDraft("Fair", "2026-06-20", [ava.Value, ben.Value]), "manager-1");
        var result = await gate.Accept.AcceptAsync(
            await new UploadBody { Children = [ava], EventId = fair.Value.Id }.File(Photos.Astronaut).RequestAsync(), CancellationToken.None);
        var mediaId = result.Value.Receipt.Items.Single().MediaId;
        await gate.Process.ProcessAsync(mediaId, CancellationToken.None);

        var plan = await Export(gate, ben).PlanAsync("parent-of-ben", CancellationToken.None);

        var file = plan.Files.Single();
        Assert.AreEqual(mediaId, file.MediaId, "Ben's family received the event photo, so their export holds it");
        StringAssert.StartsWith(file.EntryName, "Ben/events/");
        var rendition = (await gate.Database.Renditions.OfMediaAsync(mediaId)).Single(r => r.Purpose == Purpose.Events);
        Assert.AreEqual(rendition.ObjectKey, file.RenditionKey, "the event rendition made for the families, as they see it");
    }

    private static ExportJournal Export(GateHarness gate, ChildId child) =>
        new(gate.Database.Audit, gate.Database.Children, gate.Database.ParentMedia, gate.Database.Renditions, new OneFamily(child), gate.Services.GetRequiredKeyedService<IObjectStore>(StorageServiceCollectionExtensions.RenditionStore),
            NullLogger<ExportJournal>.Instance);

    private sealed class OneFamily(ChildId child) : IParentChildren
    {
        public Task<IReadOnlyList<ChildId>> ChildrenOfAsync(string accountId, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<ChildId>>([child]);
    }

    /// <summary>A response body that calls <paramref name="onFirstWrite"/> when the first bytes reach it.</summary>
    private sealed class FailingOnFirstWrite(Action onFirstWrite) : MemoryStream
    {
        private bool _written;

        public override bool CanSeek => false;

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await base.WriteAsync(buffer, cancellationToken);
            if (!_written)
            {
                _written = true;
                onFirstWrite();
            }
        }
    }
}
