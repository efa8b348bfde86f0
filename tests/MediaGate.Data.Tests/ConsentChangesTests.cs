using MediaGate.Consent.Decisions;
using MediaGate.Consent.Matrix;
using MediaGate.Consent.ReEvaluation;
using MediaGate.Data.Tests.Support;

namespace MediaGate.Data.Tests;

[TestClass]
public sealed class ConsentChangesTests
{
    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task RecordAsync_WithdrawalAfterRelease_ListsTheReleasedRenditionsToRemake(string store)
    {
        var time = new FakeTimeProvider(Sample.Now);
        await using var test = await TestDatabase.CreateAsync(store, time);
        var database = test.Database;
        await Sample.AddChildrenAsync(database);
        var avaJournal = Sample.Grant(Sample.Ava, Purpose.Journal, Sample.Now.AddDays(-5), group: true);
        await database.Consents.AppendAsync(avaJournal);
        await database.Consents.AppendAsync(Sample.Grant(Sample.Ben, Purpose.Journal, Sample.Now.AddDays(-5)));
        var consent = (await database.Consents.LoadMatrixAsync()).Now(time, TimeZoneInfo.Utc);
        foreach (var (id, media) in new[] { ("d1", "m1"), ("d2", "m2") })
        {
            var request = Sample.ForParentOfBen(Sample.GroupPhoto(media) with { Faces = Sample.GroupPhoto(media).Faces.Take(2).Select(f => f with { Uncertain = false }).ToArray() });
            var decision = ConsentDecisionEngine.Decide(request, consent);
            Assert.AreEqual(Verdict.Release, decision.Verdict, string.Join("; ", decision.Reasons));
            await database.Decisions.SaveAsync(StoredDecision.From(id, request, decision, time.GetUtcNow()));
        }

        time.Advance(TimeSpan.FromHours(1));
        var changes = await new ConsentChanges(database, time, TimeZoneInfo.Utc).RecordAsync(avaJournal.WithdrawnAt(time.GetUtcNow()));

        CollectionAssert.AreEquivalent(new[] { "d1", "d2" }, changes.Select(c => c.Before.Id).ToArray());
        Assert.IsTrue(changes.All(c => c.Change == RenditionChange.Remake && c.After.Faces[0].Visibility == FaceVisibility.Mask));
    }
}
