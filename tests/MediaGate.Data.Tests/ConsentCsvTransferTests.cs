using MediaGate.Consent.Matrix;
using MediaGate.Data.Tests.Support;

namespace MediaGate.Data.Tests;

[TestClass]
public sealed class ConsentCsvTransferTests
{
    private const string Header = "child_id,child_name,journal,journal_group,website,publicity,events,given_by,evidence,given_on,lapses_on\n";

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task ImportAsync_ThenExportAsync_GivesTheSameMatrixBack(string store)
    {
        var time = new FakeTimeProvider(Sample.Now);
        await using var test = await TestDatabase.CreateAsync(store, time);
        var transfer = new ConsentCsvTransfer(test.Database, time);
        var csv = Header +
                  "ava,Ava,yes,yes,no,,yes,Mother (Jane),FORM-17,2025-09-01,2026-09-01\n" +
                  "ben,\"Ben, junior\",no,,,,,Father,FORM-18,2025-09-02,\n";

        var imported = await transfer.ImportAsync(new StringReader(csv));
        var exported = new StringWriter();
        await transfer.ExportAsync(exported);

        Assert.IsTrue(imported.IsSuccess, imported.Problem?.ToString());
        Assert.AreEqual(csv, exported.ToString());
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task ImportAsync_BadRowAfterGoodOnes_ImportsNothingAndNamesTheLine(string store)
    {
        var time = new FakeTimeProvider(Sample.Now);
        await using var test = await TestDatabase.CreateAsync(store, time);
        var csv = Header +
                  "ava,Ava,yes,,,,,Mother,F1,2025-09-01,\n" +
                  "ben,Ben,perhaps,,,,,Father,F2,2025-09-01,\n";

        var imported = await new ConsentCsvTransfer(test.Database, time).ImportAsync(new StringReader(csv));

        Assert.IsFalse(imported.IsSuccess);
        Assert.AreEqual(3, imported.Problem.Line);
        Assert.IsEmpty(await test.Database.Children.ListAsync());
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task ImportAsync_NoForAGrantedCell_AppendsAWithdrawalToTheHistory(string store)
    {
        var time = new FakeTimeProvider(Sample.Now);
        await using var test = await TestDatabase.CreateAsync(store, time);
        var transfer = new ConsentCsvTransfer(test.Database, time);
        await transfer.ImportAsync(new StringReader(Header + "ava,Ava,,,yes,,,Mother,F1,2025-09-01,2026-09-01\n"));
        time.Advance(TimeSpan.FromDays(3));

        await transfer.ImportAsync(new StringReader(Header + "ava,Ava,,,no,,,Mother,WITHDRAWN-1,2026-03-05,\n"));

        var history = await test.Database.Consents.HistoryAsync(Sample.Ava, Purpose.Website);
        Assert.HasCount(2, history);
        Assert.IsNull(history[0].WithdrawnOn);
        Assert.AreEqual(time.GetUtcNow(), history[1].WithdrawnOn);
    }
}
