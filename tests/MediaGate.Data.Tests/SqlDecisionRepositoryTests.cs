using MediaGate.Consent.Decisions;
using MediaGate.Consent.Matrix;
using MediaGate.Consent.Media;
using MediaGate.Consent.ReEvaluation;
using MediaGate.Data.Tests.Support;

namespace MediaGate.Data.Tests;

[TestClass]
public sealed class SqlDecisionRepositoryTests
{
    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task SaveAsync_ThenFindAsync_GivesBackEveryInputAndOutcome(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        var decision = Stored("d1", Sample.ForParentOfBen(Sample.GroupPhoto("m1")));

        await test.Database.Decisions.SaveAsync(decision);
        var found = await test.Database.Decisions.FindAsync("d1");

        Assert.IsNotNull(found);
        Assert.AreEqual(decision.Verdict, found.Verdict);
        Assert.AreEqual(decision.DecidedAt, found.DecidedAt);
        CollectionAssert.AreEqual(decision.Faces.ToArray(), found.Faces.ToArray());
        CollectionAssert.AreEquivalent(decision.ReliedOn.ToArray(), found.ReliedOn.ToArray());
        Assert.AreEqual(decision.Request.Audience, found.Request.Audience);
        Assert.AreEqual(decision.Request.Options, found.Request.Options);
        CollectionAssert.AreEqual(decision.Request.Item.Faces.ToArray(), found.Request.Item.Faces.ToArray());
        CollectionAssert.AreEqual(decision.Request.Item.TaggedChildren.ToArray(), found.Request.Item.TaggedChildren.ToArray());
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task SaveAsync_SameRenditionAgain_ReplacesTheEarlierDecision(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        var request = Sample.ForParentOfBen(Sample.GroupPhoto("m1"));
        await test.Database.Decisions.SaveAsync(Stored("first", request));

        await test.Database.Decisions.SaveAsync(Stored("second", request));

        Assert.IsNull(await test.Database.Decisions.FindAsync("first"));
        Assert.IsNotNull(await test.Database.Decisions.FindAsync("second"));
        Assert.HasCount(1, await test.Database.Decisions.RelyingOnAsync(new ConsentCellKey(Sample.Ava, Purpose.Journal)));
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task RelyingOnAsync_Cell_FindsOnlyTheDecisionsThatReadIt(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        var group = Sample.GroupPhoto("m1");
        await test.Database.Decisions.SaveAsync(Stored("journal", Sample.ForParentOfBen(group)));
        await test.Database.Decisions.SaveAsync(Stored("website", new DecisionRequest(group, Purpose.Website, Audience.Public, true, DecisionOptions.Default)));

        var journal = await test.Database.Decisions.RelyingOnAsync(new ConsentCellKey(Sample.Ava, Purpose.Journal));
        var website = await test.Database.Decisions.RelyingOnAsync(new ConsentCellKey(Sample.Ben, Purpose.Website));
        var none = await test.Database.Decisions.RelyingOnAsync(new ConsentCellKey(Sample.Ava, Purpose.Events));

        Assert.AreEqual("journal", journal.Single().Id);
        Assert.AreEqual("website", website.Single().Id);
        Assert.HasCount(2, website.Single().ReliedOn);
        Assert.IsEmpty(none);
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task OfMediaAsync_TwoItems_GivesEachItsOwnDecisionsWithTheirCells(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        var group = Sample.GroupPhoto("m1");
        await test.Database.Decisions.SaveAsync(Stored("journal", Sample.ForParentOfBen(group)));
        await test.Database.Decisions.SaveAsync(Stored("website", new DecisionRequest(group, Purpose.Website, Audience.Public, true, DecisionOptions.Default)));
        await test.Database.Decisions.SaveAsync(Stored("other", Sample.ForParentOfBen(Sample.GroupPhoto("m2"))));

        var decisions = await test.Database.Decisions.OfMediaAsync("m1");

        CollectionAssert.AreEqual(new[] { "journal", "website" }, decisions.Select(d => d.Id).ToArray());
        Assert.HasCount(2, decisions[1].ReliedOn);
        Assert.IsEmpty(await test.Database.Decisions.OfMediaAsync("m3"));
    }

    /// <summary>The reasons name a video "video": the stored inputs keep the item's kind.</summary>
    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task SaveAsync_VideoItem_FindAsyncGivesItBackAsAVideo(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        await test.Database.Decisions.SaveAsync(Stored("video", Sample.ForParentOfBen(Sample.GroupPhoto("m1") with { Kind = MediaKind.Video })));
        await test.Database.Decisions.SaveAsync(Stored("photo", Sample.ForParentOfBen(Sample.GroupPhoto("m2"))));

        Assert.AreEqual(MediaKind.Video, (await test.Database.Decisions.FindAsync("video"))!.Request.Item.Kind);
        Assert.AreEqual(MediaKind.Photo, (await test.Database.Decisions.FindAsync("photo"))!.Request.Item.Kind);
    }

    /// <summary>
    /// A hold a consent change caused stays marked through re-decisions that still hold (a face named on the tablet, the
    /// review), so the family's list keeps saying why; a release or a block ends it, and a later hold is not marked.
    /// </summary>
    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task SaveAsync_HoldAfterAConsentChange_KeptWhileItHoldsClearedOnceItDoesNot(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        var request = Sample.ForParentOfBen(Sample.GroupPhoto("m1"));
        var changedAt = Sample.Now.AddMinutes(3);
        await test.Database.Decisions.SaveAsync(Stored("d1", request) with { Verdict = Verdict.Hold, ConsentRecheckAt = changedAt });
        var marked = await test.Database.Decisions.FindAsync("d1");

        await test.Database.Decisions.SaveAsync(Stored("d1", request) with { Verdict = Verdict.Hold });
        var stillHeld = await test.Database.Decisions.FindAsync("d1");
        await test.Database.Decisions.SaveAsync(Stored("d1", request) with { Verdict = Verdict.Release });
        var released = await test.Database.Decisions.FindAsync("d1");
        await test.Database.Decisions.SaveAsync(Stored("d1", request) with { Verdict = Verdict.Hold });
        var heldAgain = await test.Database.Decisions.FindAsync("d1");

        Assert.AreEqual(changedAt, marked!.ConsentRecheckAt);
        Assert.AreEqual(changedAt, stillHeld!.ConsentRecheckAt, "a re-decision that still holds keeps the consent change's mark");
        Assert.IsNull(released!.ConsentRecheckAt, "a release ends it");
        Assert.IsNull(heldAgain!.ConsentRecheckAt, "a hold after that is not the consent change's");
    }

    private static StoredDecision Stored(string id, DecisionRequest request)
    {
        var matrix = ConsentMatrix.Create([], [Sample.Grant(Sample.Ava, Purpose.Journal, Sample.Now.AddDays(-1), group: true),
            Sample.Grant(Sample.Ben, Purpose.Journal, Sample.Now.AddDays(-1))]);
        return StoredDecision.From(id, request, ConsentDecisionEngine.Decide(request, matrix.AsOf(Sample.Now, TimeZoneInfo.Utc)), Sample.Now.AddTicks(7));
    }
}
