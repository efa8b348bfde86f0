using MediaGate.Data.Csv;
using MediaGate.Consent.Matrix;
using static MediaGate.Testing.Consents.Kids;

namespace MediaGate.Data.Tests.Csv;

[TestClass]
public sealed class ConsentCsvReaderTests
{
    internal const string Header = "child_id,child_name,journal,journal_group,website,publicity,events,given_by,evidence,given_on,lapses_on";

    [TestMethod]
    public void Read_ValidFile_ReadsEveryRow()
    {
        var csv = Header + "\n" +
                  "ava,Ava,yes,yes,no,,yes,Mother (Jane),FORM-17,2025-09-01,2026-09-01\n" +
                  "ben,\"Ben, junior\",no,,,,,Father,FORM-18,2025-09-02,\n" +
                  "cleo,Cleo,,,,,,,,,\n";

        var result = ConsentCsvReader.Read(new StringReader(csv));

        Assert.IsTrue(result.IsSuccess, result.Problem?.ToString());
        Assert.HasCount(3, result.Value);
        var ava = result.Value[0];
        Assert.AreEqual(Ava, ava.Child);
        Assert.IsTrue(ava.Answers[Purpose.Journal]);
        Assert.IsTrue(ava.Group);
        Assert.IsFalse(ava.Answers[Purpose.Website]);
        Assert.IsFalse(ava.Answers.ContainsKey(Purpose.Publicity));
        Assert.AreEqual(new DateOnly(2026, 9, 1), ava.LapsesOn);
        Assert.AreEqual("Ben, junior", result.Value[1].Name);
        Assert.IsEmpty(result.Value[2].Answers);
    }

    [TestMethod]
    [DataRow("ava,Ava,maybe,,,,,Mother,F1,2025-09-01,", 3, "journal must be yes, no or empty")]
    [DataRow("ava,Ava,yes,,,,,Mother,F1,01/09/2025,", 3, "given_on must be a date")]
    [DataRow("ava,Ava,yes,,,,,,F1,2025-09-01,", 3, "given_by and evidence are required")]
    [DataRow("ava,Ava,no,yes,,,,Mother,F1,2025-09-01,", 3, "journal_group is yes but journal is not")]
    [DataRow("ava,Ava,yes,,,,,Mother,F1,2025-09-01,2025-08-01", 3, "lapses_on must be after given_on")]
    [DataRow("ava,Ava,yes,,,,,Mother,F1,2025-09-01", 3, "10 fields, expected 11")]
    [DataRow("ava,\"Ava,yes,,,,,Mother,F1,2025-09-01,", 3, "not closed")]
    [DataRow(",Ava,yes,,,,,Mother,F1,2025-09-01,", 3, "child_id and child_name are required")]
    [DataRow("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa,Ava,yes,,,,,Mother,F1,2025-09-01,", 3, "child_id is longer than 64 characters")]
    [DataRow("ava,Ava,,,,,,Mother,,,", 3, "no purpose is answered")]
    [DataRow("ben,Ben,yes,,,,,Father,F2,2025-09-01,", 3, "also on line 2")]
    [DataRow("ava,Av\u0000a,yes,,,,,Mother,F1,2025-09-01,", 3, "child_name holds control characters")]
    [DataRow("ava,Ava,yes,,,,,Mother,F\u00071,2025-09-01,", 3, "evidence holds control characters")]
    public void Read_BadThirdLine_RejectsTheFileWithLineAndReason(string thirdLine, int line, string reason)
    {
        var csv = Header + "\nben,Ben,yes,,,,,Father,F2,2025-09-01,\n" + thirdLine + "\n";

        var result = ConsentCsvReader.Read(new StringReader(csv));

        Assert.IsFalse(result.IsSuccess);
        Assert.AreEqual(line, result.Problem.Line);
        StringAssert.Contains(result.Problem.Reason, reason);
    }

    [TestMethod]
    [DataRow("", "the file is empty")]
    [DataRow("child_id,child_name,journal", "missing column(s)")]
    [DataRow(Header + ",notes", "unknown column 'notes'")]
    [DataRow(Header + ",journal", "appears twice")]
    public void Read_BadHeader_RejectsAtLine1(string header, string reason)
    {
        var result = ConsentCsvReader.Read(new StringReader(header));

        Assert.IsFalse(result.IsSuccess);
        Assert.AreEqual(1, result.Problem.Line);
        StringAssert.Contains(result.Problem.Reason, reason);
    }

    [TestMethod]
    public void Read_ColumnsInAnotherOrderWithByteOrderMark_AreMatchedByName()
    {
        var csv = "\uFEFFchild_name,child_id,journal,journal_group,website,publicity,events,given_by,evidence,given_on,lapses_on\nAva,ava,yes,,,,,Mother,F1,2025-09-01,\n";

        var result = ConsentCsvReader.Read(new StringReader(csv));

        Assert.IsTrue(result.IsSuccess, result.Problem?.ToString());
        Assert.AreEqual(Ava, result.Value[0].Child);
    }
}
