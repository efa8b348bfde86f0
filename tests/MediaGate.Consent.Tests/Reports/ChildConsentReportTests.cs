using MediaGate.Consent.Matrix;
using MediaGate.Consent.Reports;
using MediaGate.Testing.Consents;
using static MediaGate.Testing.Consents.Kids;

namespace MediaGate.Consent.Tests.Reports;

[TestClass]
public sealed class ChildConsentReportTests
{
    [TestMethod]
    public void Create_GrantRefusalAndWithdrawal_ShowsCellsNowAndEveryChange()
    {
        var matrix = new ConsentBook().Grant(Ava, Purpose.Journal, group: true).Refuse(Ava, Purpose.Website)
            .Grant(Ava, Purpose.Events).Withdraw(Ava, Purpose.Events, Now.AddHours(-2)).Matrix();

        var report = ChildConsentReport.Create(matrix, matrix.Children[Ava], matrix.AsOf(Now, TimeZoneInfo.Utc));

        CollectionAssert.AreEqual(new[] { "granted", "refused", "not-asked", "withdrawn" }, report.Cells.Select(c => c.Status).ToArray());
        CollectionAssert.AreEqual(new[] { "granted", "refused", "granted", "withdrawn" }, report.History.Select(c => c.Status).ToArray());
        Assert.IsTrue(report.Cells[0].Group);
        Assert.AreEqual("ava", report.ChildId);
    }

    [TestMethod]
    public void ToText_GroupGrant_ReadsAsASentenceForTheManager()
    {
        var matrix = new ConsentBook().Grant(Ava, Purpose.Journal, group: true).Matrix();

        var text = ChildConsentReport.Create(matrix, matrix.Children[Ava], matrix.AsOf(Now, TimeZoneInfo.Utc)).ToText();

        StringAssert.StartsWith(text, "Ava (ava), as of 2026-03-02 10:00 UTC\n");
        StringAssert.Contains(text, "journal    granted, group sharing: yes, given by Parent of ava on 2025-09-01, evidence FORM-ava, lapses on 2026-09-01\n");
        StringAssert.Contains(text, "publicity  not-asked\n");
        StringAssert.Contains(text, "History (oldest first):\n");
    }
}
