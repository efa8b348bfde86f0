using System.Data.Common;
using MediaGate.Data.Audit;
using MediaGate.Data.Tests.Support;

namespace MediaGate.Data.Tests.Audit;

[TestClass]
public sealed class SqlAuditLogTests
{
    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task AppendAsync_SeveralEntries_ChainIsIntactAndReadsBackInOrder(string store)
    {
        var time = new FakeTimeProvider(Sample.Now);
        await using var test = await TestDatabase.CreateAsync(store, time);
        for (int i = 0; i < 4; i++)
        {
            await test.Database.Audit.AppendAsync(new AuditEvent("staff-" + i, "upload", "media-" + i, null));
            time.Advance(TimeSpan.FromMinutes(1));
        }

        var entries = await test.Database.Audit.ReadAsync();
        var verification = await test.Database.Audit.VerifyAsync();

        CollectionAssert.AreEqual(new long[] { 1, 2, 3, 4 }, entries.Select(e => e.Sequence).ToArray());
        Assert.AreEqual(Sample.Now.AddMinutes(2), entries[2].At);
        Assert.IsTrue(verification.IsIntact);
        Assert.AreEqual(entries[^1].Hash, verification.HeadHash);
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task ReadAsync_TimeRange_ReturnsOnlyEntriesInside(string store)
    {
        var time = new FakeTimeProvider(Sample.Now);
        await using var test = await TestDatabase.CreateAsync(store, time);
        for (int i = 0; i < 5; i++)
        {
            await test.Database.Audit.AppendAsync(new AuditEvent("manager", "view", "media-" + i));
            time.Advance(TimeSpan.FromHours(1));
        }

        var inside = await test.Database.Audit.ReadAsync(Sample.Now.AddHours(1), Sample.Now.AddHours(3));

        CollectionAssert.AreEqual(new[] { "media-1", "media-2" }, inside.Select(e => e.Subject).ToArray());
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task Database_UpdateOrDeleteOfAuditEntry_IsRefused(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        await test.Database.Audit.AppendAsync(new AuditEvent("manager", "export", "consents"));

        await Assert.ThrowsAsync<DbException>(() => test.ExecuteRawAsync("UPDATE audit_log SET actor = 'nobody'"));
        await Assert.ThrowsAsync<DbException>(() => test.ExecuteRawAsync("DELETE FROM audit_log"));
        Assert.IsTrue((await test.Database.Audit.VerifyAsync()).IsIntact);
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task VerifyAsync_EntryEditedBehindTheTriggers_NamesTheFirstBrokenLink(string store)
    {
        var time = new FakeTimeProvider(Sample.Now);
        await using var test = await TestDatabase.CreateAsync(store, time);
        for (int i = 0; i < 5; i++)
        {
            await test.Database.Audit.AppendAsync(new AuditEvent("parent-1", "view", "media-" + i));
        }

        // Someone with the database's owner rights removes the guard and rewrites who viewed entry 3.
        await DropGuardsAsync(store, test);
        await test.ExecuteRawAsync("UPDATE audit_log SET actor = 'parent-2' WHERE seq = 3");

        var verification = await test.Database.Audit.VerifyAsync();

        Assert.IsFalse(verification.IsIntact);
        Assert.AreEqual(3, verification.FirstBroken);
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task VerifyAsync_EntryDeletedBehindTheTriggers_NamesTheGap(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        for (int i = 0; i < 5; i++)
        {
            await test.Database.Audit.AppendAsync(new AuditEvent("manager", "decision", "media-" + i));
        }

        await DropGuardsAsync(store, test);
        await test.ExecuteRawAsync("DELETE FROM audit_log WHERE seq = 2");

        var verification = await test.Database.Audit.VerifyAsync();

        Assert.AreEqual(3, verification.FirstBroken);
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task AppendAsync_ConcurrentFromTwoConnections_ChainStaysLinear(string store)
    {
        // Two database objects on one database, as two nodes would be.
        var time = new FakeTimeProvider(Sample.Now);
        await using var test = await TestDatabase.CreateAsync(store, time);
        await using var other = await test.Reopen(time);

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            (i % 2 == 0 ? test.Database : other).Audit.AppendAsync(new AuditEvent("tablet-" + i, "upload", "media-" + i))));

        var verification = await test.Database.Audit.VerifyAsync();
        var entries = await other.Audit.ReadAsync();

        Assert.IsTrue(verification.IsIntact, verification.Problem);
        Assert.HasCount(40, entries);
        Assert.HasCount(40, entries.Select(e => e.Subject).Distinct().ToArray());
    }

    private static Task DropGuardsAsync(string store, TestDatabase test) => store == TestDatabase.Sqlite
        ? test.ExecuteRawAsync("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;")
        : test.ExecuteRawAsync("DROP TRIGGER audit_log_append_only ON audit_log");

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task ReadPageAsync_QueryWithEveryFilter_ReturnsOnlyTheMatchingEntriesInOrder(string store)
    {
        var time = new FakeTimeProvider(Sample.Now);
        await using var test = await TestDatabase.CreateAsync(store, time);
        (string Actor, string Action, string Subject)[] events =
        [
            ("alice", "consent-change", "c1"), ("bob", "consent-change", "c2"), ("alice", "consent-import", "c3"),
            ("alice", "child-create", "c4"), ("alice", "consent%", "c5"), ("alice", "consent-change", "c6"),
        ];
        foreach (var (actor, action, subject) in events)
        {
            await test.Database.Audit.AppendAsync(new AuditEvent(actor, action, subject));
            time.Advance(TimeSpan.FromHours(1));
        }

        var alicesConsents = await test.Database.Audit.ReadPageAsync(new AuditQuery(ActionPrefix: "consent-", Actor: "alice"), 100);
        var inPeriod = await test.Database.Audit.ReadPageAsync(new AuditQuery(Sample.Now.AddHours(1), Sample.Now.AddHours(5), "consent-"), 100);
        var wildcard = await test.Database.Audit.ReadPageAsync(new AuditQuery(ActionPrefix: "consent%"), 100);
        var page = await test.Database.Audit.ReadPageAsync(new AuditQuery(ActionPrefix: "consent", AfterSequence: 2), 2);

        CollectionAssert.AreEqual(new[] { "c1", "c3", "c6" }, alicesConsents.Select(e => e.Subject).ToArray());
        CollectionAssert.AreEqual(new[] { "c2", "c3" }, inPeriod.Select(e => e.Subject).ToArray());
        CollectionAssert.AreEqual(new[] { "c5" }, wildcard.Select(e => e.Subject).ToArray(), "% is a character, not a wildcard");
        CollectionAssert.AreEqual(new[] { "c3", "c5" }, page.Select(e => e.Subject).ToArray());
    }
}
