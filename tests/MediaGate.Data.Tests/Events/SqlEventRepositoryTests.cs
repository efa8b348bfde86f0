using MediaGate.Consent.Decisions;
using MediaGate.Consent.Matrix;
using MediaGate.Consent.People;
using MediaGate.Consent.ReEvaluation;
using MediaGate.Data.Events;
using MediaGate.Data.Media;
using MediaGate.Data.Tests.Media;
using MediaGate.Data.Tests.Support;

namespace MediaGate.Data.Tests.Events;

[TestClass]
public sealed class SqlEventRepositoryTests
{
    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task AddAsync_EventWithAttendees_FindAndListGiveItBackNewestDateFirst(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        await Sample.AddChildrenAsync(test.Database);
        var fair = new EventRecord(MediaSample.NewId(), "Summer fair", new DateOnly(2026, 6, 20), [Sample.Ava, Sample.Ben], "manager-1", Sample.Now);
        var picnic = new EventRecord(MediaSample.NewId(), "Picnic", new DateOnly(2026, 7, 1), [Sample.Ben], "manager-1", Sample.Now);

        await test.Database.Events.AddAsync(fair);
        await test.Database.Events.AddAsync(picnic);

        var found = await test.Database.Events.FindAsync(fair.Id);
        Assert.IsNotNull(found);
        Assert.AreEqual(("Summer fair", new DateOnly(2026, 6, 20), "manager-1", Sample.Now), (found.Name, found.Date, found.CreatedBy, found.CreatedAt));
        CollectionAssert.AreEqual(new[] { Sample.Ava, Sample.Ben }, found.Attendees.ToArray());
        CollectionAssert.AreEqual(new[] { picnic.Id, fair.Id }, (await test.Database.Events.ListAsync()).Select(e => e.Id).ToArray());
        Assert.IsNull(await test.Database.Events.FindAsync(MediaSample.NewId()));
        Assert.IsNull(await test.Database.Events.FindAsync("bad\0id"), "an id holding U+0000 is not found (never a PostgreSQL error)");
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task AddAsync_AttendeeNotAChild_RefusedAndNothingStored(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        await Sample.AddChildrenAsync(test.Database);
        var record = new EventRecord(MediaSample.NewId(), "Outing", new DateOnly(2026, 6, 20), [Sample.Ava, new ChildId("nobody")], "manager-1", Sample.Now);

        await Assert.ThrowsAsync<System.Data.Common.DbException>(() => test.Database.Events.AddAsync(record));

        Assert.IsNull(await test.Database.Events.FindAsync(record.Id), "the event and its attendees are one transaction");
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task OfMediaAsync_ItemOfAnObservationWithAndWithoutEvent_GivesTheEventOrNull(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        await Sample.AddChildrenAsync(test.Database);
        var fair = new EventRecord(MediaSample.NewId(), "Summer fair", new DateOnly(2026, 6, 20), [Sample.Ava], "manager-1", Sample.Now);
        await test.Database.Events.AddAsync(fair);
        var atFair = MediaSample.Upload(1, [Sample.Ava]);
        atFair = atFair with { Observation = atFair.Observation with { EventId = fair.Id } };
        var ordinary = MediaSample.Upload(1, [Sample.Ava]);
        await test.Database.AddRecordedUploadAsync(atFair);
        await test.Database.AddRecordedUploadAsync(ordinary);

        Assert.AreEqual(fair.Id, (await test.Database.Events.OfMediaAsync(atFair.Items[0].Id))?.Id);
        Assert.AreEqual(fair.Id, (await test.Database.Media.FindObservationAsync(atFair.Observation.Id))?.EventId);
        Assert.IsNull(await test.Database.Events.OfMediaAsync(ordinary.Items[0].Id));
    }

    /// <summary>
    /// An event rendition's audience key lists the attendees twice (families and attendees): at the most attendees an
    /// event may have, the key must still fit the unique indexes of decisions and renditions (PostgreSQL bounds index
    /// entries to about 2.7 kB).
    /// <para>
    /// PostgreSQL compresses a long key before it bounds it, but gives up when the first kilobyte does not shrink: with the
    /// same sixty ids twice it usually shrank enough, and the save failed now and then in CI ("index row size 4032 exceeds
    /// btree version 4 maximum 2704"). Families and attendees of sixty different children each (an audience the type
    /// allows) never shrink enough, so that row fails every time without migration 22.
    /// </para>
    /// </summary>
    [TestMethod]
    [DataRow(TestDatabase.Sqlite, false)]
    [DataRow(TestDatabase.PostgreSql, false)]
    [DataRow(TestDatabase.Sqlite, true)]
    [DataRow(TestDatabase.PostgreSql, true)]
    public async Task SaveAsync_EventAudienceOfSixtyAttendees_DecisionAndRenditionStored(string store, bool otherFamilies)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        var children = Enumerable.Range(0, otherFamilies ? 120 : 60).Select(_ => new ChildId(MediaSample.NewId())).ToArray();
        foreach (var child in children)
        {
            await test.Database.Children.AddAsync(new Child(child, "Child " + child.Value[..6]));
        }

        var upload = MediaSample.Upload(1, [children[0]]);
        await test.Database.AddRecordedUploadAsync(upload);
        var mediaId = upload.Items[0].Id;
        var audience = otherFamilies ? Audience.EventFamilies(children[..60], children[60..]) : Audience.EventFamilies(children, children);
        var item = Sample.GroupPhoto(mediaId);
        var request = new DecisionRequest(item, Purpose.Events, audience, false, DecisionOptions.Default);
        var decision = new StoredDecision(MediaSample.NewId(), request, Sample.Now, Verdict.Release, [FaceVisibility.Show, FaceVisibility.Mask, FaceVisibility.Mask], []);

        await test.Database.Decisions.SaveAsync(decision);
        var rendition = new RenditionRecord(MediaSample.NewId(), mediaId, Purpose.Events, audience.Key, "renditions/" + MediaSample.NewId() + ".jpg", 320, 240, 1, Sample.Now);
        await test.Database.Renditions.SaveAsync(rendition);

        Assert.AreEqual(audience, (await test.Database.Decisions.OfMediaAsync(mediaId)).Single().Request.Audience);
        Assert.AreEqual(rendition, await test.Database.Renditions.FindAsync(mediaId, Purpose.Events, audience.Key));
    }
}
