using MediaGate.Consent.Matrix;
using MediaGate.Data.Media;
using MediaGate.Gate.Tests.Support;
using MediaGate.Gate.Uploads;
using MediaGate.Ingest;
using MediaGate.Ingest.Decode;
using MediaGate.Ingest.Verify;

namespace MediaGate.Gate.Tests.Processing;

[TestClass]
public sealed class ProcessItemTests
{
    [TestMethod]
    [DataRow(Backends.SqliteFolders)]
    [DataRow(Backends.PostgresAzurite)]
    public async Task ProcessAsync_SoloPhotoWithJournalConsent_ReleasesWithAnUprightCleanMasterAndDeletesTheOriginal(string backends)
    {
        await using var gate = await GateHarness.CreateAsync(backends);
        var ava = await gate.AddChildAsync("Ava", Purpose.Journal);
        var item = await UploadAsync(gate, Photos.Astronaut, ava);

        var status = await gate.Process.ProcessAsync(item.MediaId, CancellationToken.None);

        Assert.AreEqual(MediaStatus.Released, status);
        var stored = await gate.Database.Media.FindItemAsync(item.MediaId);
        Assert.AreEqual($"masters/{item.MediaId}.jpg", stored!.MasterKey);
        Assert.IsNull(await StoredObjects.ReadAsync(gate.Masters, stored.UploadKey), "the metadata-bearing original is still stored");
        var master = await StoredObjects.ReadAsync(gate.Masters, stored.MasterKey!);
        Assert.IsTrue(MetadataVerifier.VerifyClean(master!).IsSuccess);
        Assert.AreEqual((stored.Width, stored.Height), (512, 512));
        var face = (await gate.Database.Media.FacesAsync(item.MediaId)).Single();
        Assert.AreEqual(ava, face.Assignment.Child, "one face and one tagged child: assigned automatically");
        var journal = await gate.Database.Renditions.FindAsync(item.MediaId, Purpose.Journal, "parent:" + ava);
        Assert.IsNotNull(journal, "the parent's rendition is made");
        Assert.IsTrue(await StoredObjects.ExistsAsync(gate.Renditions, journal.ObjectKey));
        Assert.AreEqual(1, (await gate.Database.Media.JournalOfAsync([ava])).Count);
    }

    [TestMethod]
    public async Task ProcessAsync_CameraPhotoWithGps_MasterCarriesNoMetadata()
    {
        await using var gate = await GateHarness.CreateAsync(Backends.SqliteFolders);
        var ava = await gate.AddChildAsync("Ava", Purpose.Journal);
        var item = await UploadAsync(gate, Photos.CameraWithGps, ava);

        await gate.Process.ProcessAsync(item.MediaId, CancellationToken.None);

        var stored = await gate.Database.Media.FindItemAsync(item.MediaId);
        var master = await StoredObjects.ReadAsync(gate.Masters, stored!.MasterKey!);
        Assert.IsTrue(MetadataVerifier.VerifyClean(master!).IsSuccess);
        Assert.IsLessThan(0, master!.AsSpan().IndexOf("Exif"u8), "EXIF left in the master");
        var upright = PhotoReader.ReadUpright(master, new IngestLimits()).Value.Image;
        Assert.AreEqual((stored.Width, stored.Height), (upright.Width, upright.Height));
    }

    [TestMethod]
    [DataRow(Backends.SqliteFolders)]
    [DataRow(Backends.PostgresAzurite)]
    public async Task ProcessAsync_Twice_HasTheSameEffectAsOnce(string backends)
    {
        await using var gate = await GateHarness.CreateAsync(backends);
        var ava = await gate.AddChildAsync("Ava", Purpose.Journal);
        var item = await UploadAsync(gate, Photos.Astronaut, ava);
        await gate.Process.ProcessAsync(item.MediaId, CancellationToken.None);
        var faces = await gate.Database.Media.FacesAsync(item.MediaId);
        var renditions = await gate.Database.Renditions.OfMediaAsync(item.MediaId);
        var keys = await gate.MasterKeysAsync();

        var again = await gate.Process.ProcessAsync(item.MediaId, CancellationToken.None);

        Assert.AreEqual(MediaStatus.Released, again);
        CollectionAssert.AreEqual(faces.ToArray(), (await gate.Database.Media.FacesAsync(item.MediaId)).ToArray());
        CollectionAssert.AreEqual(renditions.ToArray(), (await gate.Database.Renditions.OfMediaAsync(item.MediaId)).ToArray());
        CollectionAssert.AreEqual(keys.ToArray(), (await gate.MasterKeysAsync()).ToArray());
    }

    [TestMethod]
    [DataRow(Backends.SqliteFolders)]
    [DataRow(Backends.PostgresAzurite)]
    public async Task ProcessAsync_AgainAfterACrashBeforeTheStatusWasWritten_DecidesTheSameWithoutDuplicates(string backends)
    {
        await using var gate = await GateHarness.CreateAsync(backends);
        var ava = await gate.AddChildAsync("Ava", Purpose.Journal);
        var item = await UploadAsync(gate, Photos.Astronaut, ava);
        await gate.Process.ProcessAsync(item.MediaId, CancellationToken.None);
        var renditions = await gate.Database.Renditions.OfMediaAsync(item.MediaId);
        var decisions = await gate.Database.Decisions.OfMediaAsync(item.MediaId);
        // The node died after the decisions and renditions, before the status (the last write): the item is still "processing".
        await gate.Database.Media.SetStatusAsync(item.MediaId, MediaStatus.Processing, null);

        var again = await gate.Process.ProcessAsync(item.MediaId, CancellationToken.None);

        Assert.AreEqual(MediaStatus.Released, again);
        Assert.HasCount(decisions.Count, await gate.Database.Decisions.OfMediaAsync(item.MediaId));
        var after = await gate.Database.Renditions.OfMediaAsync(item.MediaId);
        Assert.HasCount(renditions.Count, after);
        Assert.AreEqual(1, (await gate.Database.Media.JournalOfAsync([ava])).Count);
    }

    [TestMethod]
    [DataRow(Backends.SqliteFolders)]
    [DataRow(Backends.PostgresAzurite)]
    public async Task ProcessAsync_GroupPhotoWithMoreFacesThanTaggedChildren_NeedsAssignmentAndReleasesNothing(string backends)
    {
        await using var gate = await GateHarness.CreateAsync(backends);
        var ava = await gate.AddChildAsync("Ava", Purpose.Journal);
        var ben = await gate.AddChildAsync("Ben", Purpose.Journal);
        var item = await UploadAsync(gate, Photos.Meeting, ava, ben);

        var status = await gate.Process.ProcessAsync(item.MediaId, CancellationToken.None);

        Assert.AreEqual(MediaStatus.NeedsAssignment, status);
        var faces = await gate.Database.Media.FacesAsync(item.MediaId);
        Assert.IsGreaterThanOrEqualTo(3, faces.Count);
        Assert.IsTrue(faces.All(f => f.Assignment.Kind == Consent.Media.FaceAssignmentKind.Unassigned));
        Assert.IsEmpty(await gate.Database.Renditions.OfMediaAsync(item.MediaId));
        var stored = await gate.Database.Media.FindItemAsync(item.MediaId);
        StringAssert.Contains(stored!.StatusDetail, "not named yet");
    }

    [TestMethod]
    public async Task ProcessAsync_NoChildTagged_IsHeldAndReleasesNothing()
    {
        await using var gate = await GateHarness.CreateAsync(Backends.SqliteFolders);
        var item = await UploadAsync(gate, Photos.Coffee);

        var status = await gate.Process.ProcessAsync(item.MediaId, CancellationToken.None);

        Assert.AreEqual(MediaStatus.Held, status);
        Assert.IsEmpty(await gate.Database.Renditions.OfMediaAsync(item.MediaId));
    }

    [TestMethod]
    [DataRow(Backends.SqliteFolders)]
    [DataRow(Backends.PostgresAzurite)]
    public async Task ProcessAsync_JpegThatDoesNotDecode_FailsAndIsNeverReleased(string backends)
    {
        await using var gate = await GateHarness.CreateAsync(backends);
        var ava = await gate.AddChildAsync("Ava", Purpose.Journal);
        var real = await File.ReadAllBytesAsync(Photos.CameraWithGps);
        var truncated = real.AsSpan(0, 6000).ToArray();
        var receipt = await gate.Accept.AcceptAsync(await new UploadBody { Children = [ava] }.File("cut.jpg", truncated).RequestAsync(), CancellationToken.None);
        var mediaId = receipt.Value.Receipt.Items[0].MediaId;

        var status = await gate.Process.ProcessAsync(mediaId, CancellationToken.None);

        Assert.AreEqual(MediaStatus.Failed, status);
        var stored = await gate.Database.Media.FindItemAsync(mediaId);
        Assert.IsNull(stored!.MasterKey);
        Assert.IsFalse(string.IsNullOrEmpty(stored.StatusDetail));
        Assert.IsEmpty(await gate.Database.Renditions.OfMediaAsync(mediaId));
        Assert.IsEmpty(await gate.Database.Decisions.OfMediaAsync(mediaId));
        Assert.IsEmpty(await gate.Database.Media.JournalOfAsync([ava]));
    }

    [TestMethod]
    public async Task ProcessAsync_DetectorFails_FailsClosed()
    {
        await using var gate = await GateHarness.CreateAsync(Backends.SqliteFolders, detector: new BrokenDetector(throws: false));
        var ava = await gate.AddChildAsync("Ava", Purpose.Journal);
        var item = await UploadAsync(gate, Photos.Astronaut, ava);

        var status = await gate.Process.ProcessAsync(item.MediaId, CancellationToken.None);

        Assert.AreEqual(MediaStatus.Failed, status);
        StringAssert.Contains((await gate.Database.Media.FindItemAsync(item.MediaId))!.StatusDetail, "DetectionFailed");
        Assert.IsEmpty(await gate.Database.Renditions.OfMediaAsync(item.MediaId));
    }

    [TestMethod]
    public async Task ProcessAsync_UnknownItem_ReturnsNull()
    {
        await using var gate = await GateHarness.CreateAsync(Backends.SqliteFolders);

        Assert.IsNull(await gate.Process.ProcessAsync("0123456789abcdef0123456789abcdef", CancellationToken.None));
    }

    internal static async Task<UploadReceiptItem> UploadAsync(GateHarness gate, string photo, params Consent.People.ChildId[] children)
    {
        var result = await gate.Accept.AcceptAsync(await new UploadBody { Children = children }.File(photo).RequestAsync(), CancellationToken.None);
        Assert.IsNull(result.Problem, result.Problem?.Detail);
        return result.Value.Receipt.Items.Single();
    }
}
