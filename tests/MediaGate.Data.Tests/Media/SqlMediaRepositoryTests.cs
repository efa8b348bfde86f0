using MediaGate.Consent.Matrix;
using MediaGate.Consent.Media;
using MediaGate.Consent.People;
using MediaGate.Data.Media;
using MediaGate.Data.Tests.Support;
using MediaGate.Data.Work;

namespace MediaGate.Data.Tests.Media;

[TestClass]
public sealed class SqlMediaRepositoryTests
{
    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task AddUploadAsync_BatchThenSinglePhoto_SinglePhotoIsClaimedBeforeTheBatchsSecond(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        await Sample.AddChildrenAsync(test.Database);
        var batch = MediaSample.Upload(3, [Sample.Ava]);
        var single = MediaSample.Upload(1, [Sample.Ava]);
        single = single with { Observation = single.Observation with { ReceivedAt = Sample.Now.AddSeconds(1) } };
        await test.Database.AddRecordedUploadAsync(batch);
        await test.Database.AddRecordedUploadAsync(single);

        var order = new List<string>();
        while (await test.Database.Work.ClaimAsync("node-a", TimeSpan.FromMinutes(5), 3) is { } claim)
        {
            order.Add(claim.Id);
        }

        CollectionAssert.AreEqual(new[] { batch.Items[0].Id, single.Items[0].Id, batch.Items[1].Id, batch.Items[2].Id }, order);
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task AddUploadAsync_NewUpload_StoresObservationItemsTagsAndQueuesEachItem(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        await Sample.AddChildrenAsync(test.Database);
        var upload = MediaSample.Upload(2, [Sample.Ben, Sample.Ava]);

        var outcome = await test.Database.AddRecordedUploadAsync(upload);

        Assert.IsTrue(outcome.Stored);
        var observation = await test.Database.Media.FindObservationAsync(upload.Observation.Id);
        Assert.IsNotNull(observation);
        Assert.AreEqual("Painting", observation.Note);
        Assert.AreEqual(upload.Observation.CapturedAt, observation.CapturedAt);
        CollectionAssert.AreEqual(new[] { Sample.Ava, Sample.Ben }, observation.Children.ToArray());
        var items = await test.Database.Media.ItemsOfObservationAsync(upload.Observation.Id);
        CollectionAssert.AreEqual(upload.Items.Select(i => i.Id).ToArray(), items.Select(i => i.Id).ToArray());
        Assert.AreEqual(MediaStatus.Processing, items[0].Status);
        Assert.AreEqual(upload.Items[1].Sha256, items[1].Sha256);
        Assert.HasCount(2, items[1].TaggedChildren);
        foreach (var item in items)
        {
            Assert.AreEqual(WorkState.Pending, await test.Database.Work.StateAsync(item.Id));
        }
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task AddUploadAsync_IdempotencyKeyAlreadyTaken_WritesNothingAndReturnsTheEarlierRecord(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        await Sample.AddChildrenAsync(test.Database);
        var firstId = MediaSample.NewId();
        var first = MediaSample.Upload(1, [Sample.Ava], MediaSample.Key(firstId), firstId);
        await test.Database.AddRecordedUploadAsync(first);
        var secondId = MediaSample.NewId();
        var second = MediaSample.Upload(1, [Sample.Ava], MediaSample.Key(secondId, "fp-2"), secondId);

        var outcome = await test.Database.AddRecordedUploadAsync(second);

        Assert.IsFalse(outcome.Stored);
        Assert.IsNotNull(outcome.Existing);
        Assert.AreEqual(firstId, outcome.Existing.ObservationId);
        Assert.AreEqual("fp-1", outcome.Existing.Fingerprint);
        Assert.IsNull(await test.Database.Media.FindObservationAsync(secondId));
        Assert.IsNull(await test.Database.Media.FindItemAsync(second.Items[0].Id));
        Assert.IsNull(await test.Database.Work.StateAsync(second.Items[0].Id));
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task AddUploadAsync_UnknownChild_IsRefusedAndWritesNothing(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        await Sample.AddChildrenAsync(test.Database);
        var upload = MediaSample.Upload(1, [new ChildId("nobody")]);

        await Assert.ThrowsAsync<System.Data.Common.DbException>(() => test.Database.AddRecordedUploadAsync(upload));

        Assert.IsNull(await test.Database.Media.FindObservationAsync(upload.Observation.Id));
        Assert.IsNull(await test.Database.Work.StateAsync(upload.Items[0].Id));
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task RecordMasterAsync_SecondRun_KeepsTheFirstRunsFacesAndAssignments(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        await Sample.AddChildrenAsync(test.Database);
        var upload = MediaSample.Upload(1, [Sample.Ava]);
        await test.Database.AddRecordedUploadAsync(upload);
        var mediaId = upload.Items[0].Id;
        var first = await test.Database.Media.RecordMasterAsync(mediaId, "masters/" + mediaId + ".jpg", 640, 480, [MediaSample.Face(1), MediaSample.Face(2)]);
        await test.Database.Media.AssignFacesAsync(mediaId, [new FaceAssignmentChange(first[0].FaceId, FaceAssignment.ToChild(Sample.Ava))], "staff-1", Sample.Now);

        var second = await test.Database.Media.RecordMasterAsync(mediaId, "masters/" + mediaId + ".jpg", 640, 480, [MediaSample.Face(1)]);

        CollectionAssert.AreEqual(first.Select(f => f.FaceId).ToArray(), second.Select(f => f.FaceId).ToArray());
        Assert.AreEqual(FaceAssignment.ToChild(Sample.Ava), second[0].Assignment);
        Assert.AreEqual("staff-1", second[0].AssignedBy);
        Assert.AreEqual(FaceAssignment.Unassigned, second[1].Assignment);
        Assert.AreEqual(new FaceBox(20, 20, 30, 40), second[1].Box);
        var item = await test.Database.Media.FindItemAsync(mediaId);
        Assert.AreEqual(640, item!.Width);
        Assert.AreEqual("masters/" + mediaId + ".jpg", item.MasterKey);
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task AssignFacesAsync_OneFaceIdOfAnotherItem_ChangesNothing(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        await Sample.AddChildrenAsync(test.Database);
        var upload = MediaSample.Upload(2, [Sample.Ava, Sample.Ben]);
        await test.Database.AddRecordedUploadAsync(upload);
        var mine = await test.Database.Media.RecordMasterAsync(upload.Items[0].Id, "masters/a.jpg", 640, 480, [MediaSample.Face(1)]);
        var other = await test.Database.Media.RecordMasterAsync(upload.Items[1].Id, "masters/b.jpg", 640, 480, [MediaSample.Face(1)]);

        bool applied = await test.Database.Media.AssignFacesAsync(upload.Items[0].Id,
            [new FaceAssignmentChange(mine[0].FaceId, FaceAssignment.StaffAdult), new FaceAssignmentChange(other[0].FaceId, FaceAssignment.Unknown)],
            "staff-1", Sample.Now);

        Assert.IsFalse(applied);
        Assert.AreEqual(FaceAssignment.Unassigned, (await test.Database.Media.FacesAsync(upload.Items[0].Id))[0].Assignment);
        Assert.AreEqual(FaceAssignment.Unassigned, (await test.Database.Media.FacesAsync(upload.Items[1].Id))[0].Assignment);
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task AssignFacesAsync_IdsWithANulCharacter_ChangeNothing(string store)
    {
        // Red team: a tablet's or the manager's face id or child id with U+0000 was a PostgreSQL error (a 500), not "no such face".
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        await Sample.AddChildrenAsync(test.Database);
        var upload = MediaSample.Upload(1, [Sample.Ava]);
        await test.Database.AddRecordedUploadAsync(upload);
        var faces = await test.Database.Media.RecordMasterAsync(upload.Items[0].Id, "masters/a.jpg", 640, 480, [MediaSample.Face(1)]);

        bool badFace = await test.Database.Media.AssignFacesAsync(upload.Items[0].Id,
            [new FaceAssignmentChange(faces[0].FaceId + "\0", FaceAssignment.StaffAdult)], "staff-1", Sample.Now);
        bool badChild = await test.Database.Media.AssignFacesAsync(upload.Items[0].Id,
            [new FaceAssignmentChange(faces[0].FaceId, FaceAssignment.ToChild(new ChildId(Sample.Ava.Value + "\0")))], "staff-1", Sample.Now);

        Assert.IsFalse(badFace);
        Assert.IsFalse(badChild);
        Assert.AreEqual(FaceAssignment.Unassigned, (await test.Database.Media.FacesAsync(upload.Items[0].Id))[0].Assignment);
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task AssignFacesAsync_EveryKind_IsReadBackAsAssigned(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        await Sample.AddChildrenAsync(test.Database);
        var upload = MediaSample.Upload(1, [Sample.Ava]);
        await test.Database.AddRecordedUploadAsync(upload);
        var mediaId = upload.Items[0].Id;
        var faces = await test.Database.Media.RecordMasterAsync(mediaId, "masters/a.jpg", 640, 480, [MediaSample.Face(1), MediaSample.Face(2), MediaSample.Face(3)]);

        bool applied = await test.Database.Media.AssignFacesAsync(mediaId,
            [
                new FaceAssignmentChange(faces[0].FaceId, FaceAssignment.ToChild(Sample.Ava)),
                new FaceAssignmentChange(faces[1].FaceId, FaceAssignment.StaffAdult),
                new FaceAssignmentChange(faces[2].FaceId, FaceAssignment.Unknown),
            ], "staff-1", Sample.Now);

        Assert.IsTrue(applied);
        var read = await test.Database.Media.FacesAsync(mediaId);
        CollectionAssert.AreEqual(new[] { FaceAssignment.ToChild(Sample.Ava), FaceAssignment.StaffAdult, FaceAssignment.Unknown }, read.Select(f => f.Assignment).ToArray());
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task AssignFacesAsync_UnknownChild_ChangesNothing(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        await Sample.AddChildrenAsync(test.Database);
        var upload = MediaSample.Upload(1, [Sample.Ava]);
        await test.Database.AddRecordedUploadAsync(upload);
        var faces = await test.Database.Media.RecordMasterAsync(upload.Items[0].Id, "masters/a.jpg", 640, 480, [MediaSample.Face(1)]);

        bool applied = await test.Database.Media.AssignFacesAsync(upload.Items[0].Id,
            [new FaceAssignmentChange(faces[0].FaceId, FaceAssignment.ToChild(new ChildId("nobody")))], "staff-1", Sample.Now);

        Assert.IsFalse(applied);
        Assert.AreEqual(FaceAssignment.Unassigned, (await test.Database.Media.FacesAsync(upload.Items[0].Id))[0].Assignment);
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task ItemsWithStatusAsync_HeldAndBlocked_ListsOnlyThoseAndCountsEveryStatus(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        await Sample.AddChildrenAsync(test.Database);
        var upload = MediaSample.Upload(3, [Sample.Ava]);
        await test.Database.AddRecordedUploadAsync(upload);
        await test.Database.Media.SetStatusAsync(upload.Items[0].Id, MediaStatus.Held, "Face 2 is unassigned");
        await test.Database.Media.SetStatusAsync(upload.Items[1].Id, MediaStatus.Released, null);
        await test.Database.Media.SetStatusAsync(upload.Items[2].Id, MediaStatus.Blocked, null);

        var queue = await test.Database.Media.ItemsWithStatusAsync([MediaStatus.Held, MediaStatus.Blocked], 100);
        var counts = await test.Database.Media.CountByStatusAsync();

        CollectionAssert.AreEquivalent(new[] { upload.Items[0].Id, upload.Items[2].Id }, queue.Select(i => i.Id).ToArray());
        Assert.AreEqual("Face 2 is unassigned", queue.Single(i => i.Id == upload.Items[0].Id).StatusDetail);
        Assert.AreEqual(1, counts[MediaStatus.Held]);
        Assert.AreEqual(1, counts[MediaStatus.Released]);
        Assert.IsFalse(counts.ContainsKey(MediaStatus.Processing));
        Assert.IsFalse(await test.Database.Media.SetStatusAsync("no-such-item", MediaStatus.Held, null));
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task JournalOfAsync_ItemWithARenditionForOneChildsParents_IsInThatChildsJournalOnly(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        await Sample.AddChildrenAsync(test.Database);
        var upload = MediaSample.Upload(2, [Sample.Ava, Sample.Ben]);
        await test.Database.AddRecordedUploadAsync(upload);
        var renditionId = MediaSample.NewId();
        await test.Database.Renditions.SaveAsync(new RenditionRecord(renditionId, upload.Items[0].Id, Purpose.Journal, "parent:" + Sample.Ava,
            "renditions/" + renditionId + ".jpg", 320, 240, 1, Sample.Now));

        var ava = await test.Database.Media.JournalOfAsync([Sample.Ava]);
        var ben = await test.Database.Media.JournalOfAsync([Sample.Ben]);

        var entry = ava.Single();
        Assert.AreEqual(upload.Items[0].Id, entry.MediaId);
        Assert.AreEqual(Sample.Ava, entry.ChildId);
        Assert.AreEqual("Painting", entry.Note);
        Assert.AreEqual(renditionId, entry.RenditionId);
        Assert.AreEqual(upload.Observation.CapturedAt, entry.TakenAt);
        Assert.IsEmpty(ben);
    }
}
