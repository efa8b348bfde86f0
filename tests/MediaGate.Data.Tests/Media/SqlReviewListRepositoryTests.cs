using MediaGate.Consent.Media;
using MediaGate.Data.Media;
using MediaGate.Data.Tests.Support;

namespace MediaGate.Data.Tests.Media;

[TestClass]
public sealed class SqlReviewListRepositoryTests
{
    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task ItemsNewestFirstAsync_ReleasedAndHeldItems_PagesTheReleasedNewestFirst(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        await Sample.AddChildrenAsync(test.Database);
        var upload = MediaSample.Upload(4, [Sample.Ava]);
        await test.Database.AddRecordedUploadAsync(upload);
        var ids = upload.Items.Select(i => i.Id).ToArray();
        foreach (var id in ids[..3])
        {
            await test.Database.Media.SetStatusAsync(id, MediaStatus.Released, null);
        }

        await test.Database.Media.SetStatusAsync(ids[3], MediaStatus.Held, null);
        // Same upload time for all: the id breaks the tie, newest (highest) first.
        var expected = ids[..3].OrderByDescending(id => id, StringComparer.Ordinal).ToArray();

        var first = await test.Database.ReviewLists.ItemsNewestFirstAsync([MediaStatus.Released], 2, null);
        var second = await test.Database.ReviewLists.ItemsNewestFirstAsync([MediaStatus.Released], 2, first[^1].Id);
        var unknown = await test.Database.ReviewLists.ItemsNewestFirstAsync([MediaStatus.Released], 2, MediaSample.NewId());

        CollectionAssert.AreEqual(expected, first.Concat(second).Select(i => i.Id).ToArray());
        Assert.IsTrue(first.All(i => i.TaggedChildren.SequenceEqual([Sample.Ava])));
        Assert.IsEmpty(unknown);
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task FindFaceAsync_FaceOfTheItemOrOfAnother_FoundOnlyForItsOwnItem(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        await Sample.AddChildrenAsync(test.Database);
        var upload = MediaSample.Upload(2, [Sample.Ava]);
        await test.Database.AddRecordedUploadAsync(upload);
        var faces = await test.Database.Media.RecordMasterAsync(upload.Items[0].Id, "masters/a.jpg", 640, 480, [MediaSample.Face(1), MediaSample.Face(2)]);

        var found = await test.Database.ReviewLists.FindFaceAsync(upload.Items[0].Id, faces[1].FaceId);
        var elsewhere = await test.Database.ReviewLists.FindFaceAsync(upload.Items[1].Id, faces[1].FaceId);

        Assert.AreEqual(faces[1], found);
        Assert.IsNull(elsewhere);
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task DismissedCertainFacesAsync_FacesNamedOtherwise_AreNotListed(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        await Sample.AddChildrenAsync(test.Database);
        var upload = MediaSample.Upload(1, [Sample.Ava]);
        await test.Database.AddRecordedUploadAsync(upload);
        var faces = await test.Database.Media.RecordMasterAsync(upload.Items[0].Id, "masters/a.jpg", 640, 480, [MediaSample.Face(1), MediaSample.Face(2)]);
        await test.Database.Media.AssignFacesAsync(upload.Items[0].Id,
            [new FaceAssignmentChange(faces[0].FaceId, FaceAssignment.Unknown), new FaceAssignmentChange(faces[1].FaceId, FaceAssignment.StaffAdult)], "staff-1", Sample.Now);

        Assert.IsEmpty(await test.Database.ReviewLists.DismissedCertainFacesAsync(10));
    }
}
