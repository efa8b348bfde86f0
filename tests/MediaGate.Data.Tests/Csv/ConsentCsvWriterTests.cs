using MediaGate.Consent.Matrix;
using MediaGate.Consent.People;
using MediaGate.Data.Csv;
using MediaGate.Testing.Consents;
using static MediaGate.Testing.Consents.Kids;

namespace MediaGate.Data.Tests.Csv;

[TestClass]
public sealed class ConsentCsvWriterTests
{
    [TestMethod]
    public void Write_Matrix_GivesOneRowPerChildWithEachPurpose()
    {
        var matrix = new ConsentBook().Grant(Ava, Purpose.Journal, group: true).Refuse(Ava, Purpose.Website)
            .Grant(Ben, Purpose.Events).Withdraw(Ben, Purpose.Events, Now.AddDays(-1)).Matrix();
        var output = new StringWriter();

        ConsentCsvWriter.Write(matrix, Now, output);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.AreEqual(ConsentCsvReaderTests.Header, lines[0]);
        Assert.AreEqual("ava,Ava,yes,yes,no,,,Parent of ava,FORM-ava,2025-09-01,", lines[1]);
        Assert.AreEqual("ben,Ben,,,,,no,Parent of ben,FORM-ben,2025-09-01,2026-09-01", lines[2]);
        Assert.AreEqual("cleo,Cleo,,,,,,,,,", lines[3]);
    }

    [TestMethod]
    public void Write_ThenImport_ChangesNothing()
    {
        var matrix = new ConsentBook().GrantAll(Ava).Grant(Ben, Purpose.Journal).Withdraw(Ben, Purpose.Journal, Now.AddDays(-1)).Matrix();
        var output = new StringWriter();
        ConsentCsvWriter.Write(matrix, Now, output);

        var rows = ConsentCsvReader.Read(new StringReader(output.ToString()));
        var plan = ConsentCsvImport.Plan(rows.Value!, matrix, Now.AddMinutes(1));

        Assert.IsTrue(plan.IsSuccess, plan.Problem?.ToString());
        Assert.IsEmpty(plan.Value.Records);
    }

    [TestMethod]
    public void Write_NameThatIsASpreadsheetFormula_WritesItAsTextAndImportsItBackUnchanged()
    {
        // CSV injection: a child's name typed as a formula must not run when the manager opens the export.
        var formula = new ChildId("eve");
        Child[] roster = [new(formula, "=HYPERLINK(\"http://evil.example\",\"x\")"), new(new ChildId("fay"), "'-2"), new(new ChildId("gus"), "'plain")];
        var matrix = ConsentMatrix.Create(roster, []);
        var output = new StringWriter();

        ConsentCsvWriter.Write(matrix, Now, output);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.AreEqual("eve,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",,,,,,,,,", lines[1]);
        Assert.AreEqual("fay,''-2,,,,,,,,,", lines[2]);
        Assert.AreEqual("gus,'plain,,,,,,,,,", lines[3]);
        var rows = ConsentCsvReader.Read(new StringReader(output.ToString()));
        CollectionAssert.AreEqual(roster.Select(c => c.Name).ToList(), rows.Value!.Select(r => r.Name).ToList());
        var plan = ConsentCsvImport.Plan(rows.Value!, matrix, Now.AddMinutes(1));
        Assert.IsTrue(plan.IsSuccess, plan.Problem?.ToString());
    }
}
