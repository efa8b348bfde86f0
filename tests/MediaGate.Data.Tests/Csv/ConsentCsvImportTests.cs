using MediaGate.Consent.Matrix;
using MediaGate.Data.Csv;
using MediaGate.Testing.Consents;
using static MediaGate.Testing.Consents.Kids;

namespace MediaGate.Data.Tests.Csv;

[TestClass]
public sealed class ConsentCsvImportTests
{
    [TestMethod]
    public void Plan_NewChild_AddsTheChildAndOneRecordPerAnswer()
    {
        var rows = Read("dan,Dan,yes,no,no,,yes,Mother,F9,2025-09-01,2026-09-01");

        var plan = ConsentCsvImport.Plan(rows, ConsentMatrix.Empty, Now);

        Assert.IsTrue(plan.IsSuccess);
        Assert.AreEqual("Dan", plan.Value.NewChildren.Single().Name);
        Assert.HasCount(3, plan.Value.Records);
        Assert.IsTrue(plan.Value.Records.All(r => r.RecordedAt == Now));
        Assert.IsFalse(plan.Value.Records.Single(r => r.Purpose == Purpose.Website).Granted);
    }

    [TestMethod]
    public void Plan_NoWhereAGrantIsInForce_AppendsAWithdrawal()
    {
        var matrix = new ConsentBook().Grant(Ava, Purpose.Website).Matrix();
        var rows = Read("ava,Ava,,,no,,,Mother,WITHDRAWAL-3,2026-03-01,");

        var plan = ConsentCsvImport.Plan(rows, matrix, Now);

        var withdrawal = plan.Value!.Records.Single();
        Assert.IsTrue(withdrawal.Granted);
        Assert.AreEqual(Now, withdrawal.WithdrawnOn);
        Assert.AreEqual("WITHDRAWAL-3", withdrawal.Evidence);
        Assert.AreEqual(ConsentStatus.Withdrawn, withdrawal.StatusAt(Now, DateOnly.FromDateTime(Now.UtcDateTime)));
    }

    [TestMethod]
    public void Plan_SameAnswersAsOnRecord_AppendsNothing()
    {
        var matrix = new ConsentBook().Grant(Ava, Purpose.Journal, group: true).Matrix();
        var rows = Read("ava,Ava,yes,yes,,,,Parent of ava,FORM-ava,2025-09-01,2026-09-01");

        var plan = ConsentCsvImport.Plan(rows, matrix, Now);

        Assert.IsEmpty(plan.Value!.Records);
        Assert.IsEmpty(plan.Value.NewChildren);
    }

    [TestMethod]
    public void Plan_ChildIdWithAnotherName_IsRejectedAsAmbiguous()
    {
        var rows = Read("ava,Eva,yes,,,,,Mother,F1,2025-09-01,");

        var plan = ConsentCsvImport.Plan(rows, new ConsentBook().Matrix(), Now);

        Assert.IsFalse(plan.IsSuccess);
        Assert.AreEqual(2, plan.Problem.Line);
        StringAssert.Contains(plan.Problem.Reason, "ambiguous");
    }

    private static IReadOnlyList<ConsentCsvRow> Read(string row) =>
        ConsentCsvReader.Read(new StringReader(ConsentCsvReaderTests.Header + "\n" + row + "\n")).Value!;
}
