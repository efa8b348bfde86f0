using MediaGate.Consent.Matrix;
using MediaGate.Consent.People;
using MediaGate.Data.Media;
using MediaGate.Gate.Consents;
using MediaGate.Gate.Retention;
using MediaGate.Gate.Tests.Support;
using MediaGate.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MediaGate.Gate.Tests.Retention;

[TestClass]
public sealed class RetentionSweepTests
{
    private const int GraceDays = 30;

    [TestMethod]
    [DataRow(Backends.SqliteFolders)]
    [DataRow(Backends.PostgresAzurite)]
    public async Task SweepOnceAsync_EveryTaggedChildLeftAndGracePassed_DeletesMasterAndRenditionsAndKeepsATombstone(string backends)
    {
        await using var gate = await GateHarness.CreateAsync(backends);
        var ava = await gate.AddChildAsync("Ava", Purpose.Journal);
        var mediaId = await ReleasedItemAsync(gate, ava);
        var rendition = await gate.Database.Renditions.FindAsync(mediaId, Purpose.Journal, "parent:" + ava);
        Assert.IsNotNull(rendition, "the item is released with a rendition");
        var masterKey = (await gate.Database.Media.FindItemAsync(mediaId))!.MasterKey!;
        var leftOn = Today();
        Assert.IsTrue(await gate.Services.GetRequiredService<MarkChildLeft>().MarkAsync(ava, leftOn, "manager-1", CancellationToken.None));

        var inGrace = await SweepAsync(gate, leftOn.AddDays(GraceDays - 1));
        Assert.AreEqual(0, inGrace.ItemsDeleted);
        Assert.AreEqual(MediaStatus.Released, (await gate.Database.Media.FindItemAsync(mediaId))!.Status);
        Assert.IsTrue(await StoredObjects.ExistsAsync(gate.Renditions, rendition.ObjectKey));

        var afterGrace = await SweepAsync(gate, leftOn.AddDays(GraceDays));

        Assert.AreEqual(1, afterGrace.ItemsDeleted);
        Assert.AreEqual(0, afterGrace.ObjectsFailed);
        var tombstone = await gate.Database.Media.FindItemAsync(mediaId);
        Assert.AreEqual(MediaStatus.Deleted, tombstone!.Status);
        Assert.IsNull(tombstone.MasterKey);
        Assert.IsFalse(await StoredObjects.ExistsAsync(gate.Masters, masterKey));
        Assert.IsFalse(await StoredObjects.ExistsAsync(gate.Renditions, rendition.ObjectKey));
        Assert.IsEmpty(await gate.MasterKeysAsync());
        Assert.IsEmpty(await gate.Database.Renditions.OfMediaAsync(mediaId));
        Assert.IsEmpty(await gate.Database.PendingDeletions.ListAsync(10));
        var audit = await gate.Database.Audit.ReadAsync();
        Assert.IsTrue(audit.Any(e => e.Action == "child-left" && e.Subject == ava.Value && e.Actor == "manager-1"));
        Assert.IsTrue(audit.Any(e => e.Action == "retention-delete" && e.Subject == mediaId));
    }

    [TestMethod]
    public async Task SweepOnceAsync_OneOfTwoTaggedChildrenStays_KeepsTheItem()
    {
        await using var gate = await GateHarness.CreateAsync(Backends.SqliteFolders);
        var ava = await gate.AddChildAsync("Ava", Purpose.Journal);
        var ben = await gate.AddChildAsync("Ben", Purpose.Journal);
        var mediaId = await ReleasedItemAsync(gate, ava, ben);
        var before = await gate.Database.Media.FindItemAsync(mediaId);
        await gate.Services.GetRequiredService<MarkChildLeft>().MarkAsync(ava, Today(), "manager-1", CancellationToken.None);

        var result = await SweepAsync(gate, Today().AddDays(GraceDays + 365));

        Assert.AreEqual(0, result.ItemsDeleted);
        var after = await gate.Database.Media.FindItemAsync(mediaId);
        Assert.AreEqual(before!.Status, after!.Status);
        Assert.AreEqual(before.MasterKey, after.MasterKey);
        Assert.IsTrue(await StoredObjects.ExistsAsync(gate.Masters, after.MasterKey!));
    }

    [TestMethod]
    [DataRow(Backends.SqliteFolders)]
    [DataRow(Backends.PostgresAzurite)]
    public async Task SweepOnceAsync_AbandonedUploadOriginalDue_DeletesItAndLeavesAcceptedUploads(string backends)
    {
        await using var gate = await GateHarness.CreateAsync(backends);
        var ava = await gate.AddChildAsync("Ava", Purpose.Journal);
        // What a process killed mid-upload leaves: the entry written before storing, and the object, but no row.
        var abandoned = ObjectKey.Parse("uploads/" + Guid.NewGuid().ToString("N"));
        await gate.Database.PendingDeletions.RecordUploadAsync(abandoned.Value, TimeProvider.System.GetUtcNow().AddHours(6));
        await gate.Masters.PutAsync(abandoned, new MemoryStream(await File.ReadAllBytesAsync(Photos.Coffee)));
        var accepted = await gate.Accept.AcceptAsync(await new UploadBody { Children = [ava] }.File(Photos.Astronaut).RequestAsync(), CancellationToken.None);
        var acceptedKey = (await gate.Database.Media.FindItemAsync(accepted.Value.Receipt.Items[0].MediaId))!.UploadKey;

        var early = await SweepAsync(gate, Today(), hoursLater: 5);
        Assert.IsTrue(await StoredObjects.ExistsAsync(gate.Masters, abandoned.Value), "deleted before the bound");

        var due = await SweepAsync(gate, Today(), hoursLater: 7);

        Assert.AreEqual(0, early.ObjectsDeleted);
        Assert.AreEqual(1, due.ObjectsDeleted);
        Assert.IsFalse(await StoredObjects.ExistsAsync(gate.Masters, abandoned.Value));
        Assert.IsTrue(await StoredObjects.ExistsAsync(gate.Masters, acceptedKey));
        Assert.IsEmpty(await gate.Database.PendingDeletions.ListAsync(10));
        Assert.IsTrue((await gate.Database.Audit.ReadAsync()).Any(e => e.Action == "upload-abandoned" && e.Subject == abandoned.Value));
    }

    [TestMethod]
    public async Task AcceptAsync_RefusedAndAcceptedUploads_LeaveNoPendingDeletions()
    {
        await using var gate = await GateHarness.CreateAsync(Backends.SqliteFolders);
        var ava = await gate.AddChildAsync("Ava");

        var accepted = await gate.Accept.AcceptAsync(await new UploadBody { Children = [ava] }.File(Photos.Astronaut).RequestAsync(), CancellationToken.None);
        var refused = await gate.Accept.AcceptAsync(
            await new UploadBody { ChildrenText = "[\"nobody\"]" }.File(Photos.Coffee).RequestAsync(), CancellationToken.None);

        Assert.IsNull(accepted.Problem);
        Assert.IsNotNull(refused.Problem);
        Assert.IsEmpty(await gate.Database.PendingDeletions.ListAsync(10));
        Assert.HasCount(1, await gate.MasterKeysAsync());
    }

    private static DateOnly Today() => DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);

    private static async Task<string> ReleasedItemAsync(GateHarness gate, params ChildId[] children)
    {
        var result = await gate.Accept.AcceptAsync(await new UploadBody { Children = children }.File(Photos.Astronaut).RequestAsync(), CancellationToken.None);
        var mediaId = result.Value.Receipt.Items[0].MediaId;
        await gate.Process.ProcessAsync(mediaId, CancellationToken.None);
        return mediaId;
    }

    /// <summary>One sweep as the service runs it, on the given day (UTC noon, plus hours).</summary>
    private static Task<RetentionSweepResult> SweepAsync(GateHarness gate, DateOnly day, int hoursLater = 0)
    {
        var now = TimeProvider.System.GetUtcNow();
        var at = day == DateOnly.FromDateTime(now.UtcDateTime) ? now.AddHours(hoursLater) : new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
        var sweep = new RetentionSweep(gate.Database.Audit, gate.Database.PendingDeletions, gate.Database.Retention, gate.Masters, gate.Renditions,
            Options.Create(new RetentionOptions { GraceDays = GraceDays }), Options.Create(new SettingClockOptions { TimeZone = "UTC" }),
            Options.Create(new GateOptions { NodeName = "test-node" }), new FakeTimeProvider(at), NullLogger<RetentionSweep>.Instance);
        return sweep.SweepOnceAsync();
    }
}
