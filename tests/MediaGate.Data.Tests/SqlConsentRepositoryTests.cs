using System.Data.Common;
using MediaGate.Data.Csv;
using MediaGate.Consent.Matrix;
using MediaGate.Consent.People;
using MediaGate.Data.Tests.Support;

namespace MediaGate.Data.Tests;

[TestClass]
public sealed class SqlConsentRepositoryTests
{
    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task AppendAsync_GrantThenWithdrawal_KeepsBothInOrder(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        await Sample.AddChildrenAsync(test.Database);
        var grant = Sample.Grant(Sample.Ava, Purpose.Website, Sample.Now.AddDays(-10), group: false);
        var withdrawal = grant.WithdrawnAt(Sample.Now.AddTicks(1234567));

        await test.Database.Consents.AppendAsync(grant);
        await test.Database.Consents.AppendAsync(withdrawal);

        var history = await test.Database.Consents.HistoryAsync(Sample.Ava, Purpose.Website);
        CollectionAssert.AreEqual(new[] { grant, withdrawal }, history.ToArray());
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task LoadMatrixAsync_AfterWithdrawal_SeesItNowAndTheGrantBefore(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        await Sample.AddChildrenAsync(test.Database);
        var grant = Sample.Grant(Sample.Ava, Purpose.Journal, Sample.Now.AddDays(-10), group: true);
        await test.Database.Consents.AppendAsync(grant);
        await test.Database.Consents.AppendAsync(grant.WithdrawnAt(Sample.Now));

        var matrix = await test.Database.Consents.LoadMatrixAsync();

        Assert.AreEqual("Ava", matrix.Children[Sample.Ava].Name);
        Assert.AreEqual(ConsentStatus.Granted, matrix.AsOf(Sample.Now.AddDays(-1), TimeZoneInfo.Utc).Status(Sample.Ava, Purpose.Journal));
        Assert.AreEqual(ConsentStatus.Withdrawn, matrix.AsOf(Sample.Now, TimeZoneInfo.Utc).Status(Sample.Ava, Purpose.Journal));
        Assert.IsTrue(matrix.AsOf(Sample.Now.AddDays(-1), TimeZoneInfo.Utc).AllowsGroupSharing(Sample.Ava));
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task ConsentRecords_UpdateOrDeleteBySql_IsRefusedByTheDatabase(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        await Sample.AddChildrenAsync(test.Database);
        await test.Database.Consents.AppendAsync(Sample.Grant(Sample.Ava, Purpose.Events, Sample.Now));

        await Assert.ThrowsAsync<DbException>(() => test.ExecuteRawAsync("UPDATE consent_records SET granted = 0"));
        await Assert.ThrowsAsync<DbException>(() => test.ExecuteRawAsync("DELETE FROM consent_records"));

        Assert.HasCount(1, await test.Database.Consents.HistoryAsync(Sample.Ava, Purpose.Events));
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task ApplyAsync_PlanWithARecordForAnUnknownChild_WritesNothing(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        var plan = new ConsentImportPlan(
            [new Child(Sample.Ava, "Ava")],
            [Sample.Grant(Sample.Ava, Purpose.Journal, Sample.Now), Sample.Grant(new ChildId("ghost"), Purpose.Journal, Sample.Now)]);

        await Assert.ThrowsAsync<DbException>(() => test.Database.Consents.ApplyAsync(plan));

        Assert.IsEmpty(await test.Database.Children.ListAsync());
        Assert.IsEmpty(await test.Database.Consents.HistoryAsync(Sample.Ava, Purpose.Journal));
    }
}
