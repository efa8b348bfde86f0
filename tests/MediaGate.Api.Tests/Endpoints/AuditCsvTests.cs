using MediaGate.Api.Endpoints.Manager;
using MediaGate.Data.Audit;
using MediaGate.Gate.Audit;

namespace MediaGate.Api.Tests.Endpoints;

[TestClass]
public sealed class AuditCsvTests
{
    [TestMethod]
    [DataRow("=1+2", "'=1+2")]
    [DataRow("+1", "'+1")]
    [DataRow("-1", "'-1")]
    [DataRow("@SUM(A1)", "'@SUM(A1)")]
    [DataRow("\tx", "'\tx")]
    [DataRow("plain", "plain")]
    [DataRow("", "")]
    public void Field_FormulaLike_GetsAnApostrophe(string value, string expected) => Assert.AreEqual(expected, AuditCsv.Field(value));

    [TestMethod]
    [DataRow("a,b", "\"a,b\"")]
    [DataRow("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [DataRow("two\nlines", "\"two\nlines\"")]
    [DataRow("=a,b", "\"'=a,b\"")]
    public void Field_CommaQuoteOrLineBreak_IsQuoted(string value, string expected) => Assert.AreEqual(expected, AuditCsv.Field(value));

    [TestMethod]
    public void Line_Entry_HasEveryColumnInHeaderOrder()
    {
        var entry = new AuditEntry(7, new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(1)), "mgr", "export", "audit.csv", "{\"a\":1}", "prev", "hash");

        var names = new AuditNames(new Dictionary<string, string> { ["mgr"] = "head" }, new Dictionary<string, string>(), new Dictionary<string, string>(), new Dictionary<string, string>(),
            new HashSet<string>());

        string line = AuditCsv.Line(entry, names);

        Assert.AreEqual("7,2026-03-02T09:00:00.0000000Z,head,Exported the audit log.,mgr,export,audit.csv,\"{\"\"a\"\":1}\",prev,hash", line);
        Assert.HasCount(10, AuditCsv.Header.Split(','));
    }
}
