using MediaGate.Consent.Matrix;
using static MediaGate.Testing.Consents.Kids;

namespace MediaGate.Consent.Tests.Matrix;

[TestClass]
public sealed class ConsentRecordTests
{
    private static readonly ConsentRecord Grant =
        new(Ava, Purpose.Events, true, false, "Mother", "FORM-1", FormDate, ReviewDate, null, Now.AddDays(-30));

    [TestMethod]
    [DataRow(false, null, "2026-09-01", ConsentStatus.Refused)]
    [DataRow(true, -1, "2026-09-01", ConsentStatus.Withdrawn)]
    [DataRow(true, 1, "2026-09-01", ConsentStatus.Granted)]
    [DataRow(true, null, "2026-03-02", ConsentStatus.Lapsed)]
    [DataRow(true, null, "2026-03-03", ConsentStatus.Granted)]
    public void StatusAt_Now_FollowsGrantWithdrawalAndLapse(bool granted, int? withdrawnHoursFromNow, string lapsesOn, ConsentStatus expected)
    {
        var record = Grant with
        {
            Granted = granted,
            WithdrawnOn = withdrawnHoursFromNow is { } hours ? Now.AddHours(hours) : null,
            LapsesOn = DateOnly.Parse(lapsesOn, System.Globalization.CultureInfo.InvariantCulture),
        };

        Assert.AreEqual(expected, record.StatusAt(Now, DateOnly.FromDateTime(Now.UtcDateTime)));
    }

    [TestMethod]
    public void WithdrawnAt_KeepsTheGrantsDetailsAndRecordsTheMoment()
    {
        var withdrawal = Grant.WithdrawnAt(Now);

        Assert.AreEqual(Grant.Evidence, withdrawal.Evidence);
        Assert.AreEqual(Now, withdrawal.WithdrawnOn);
        Assert.AreEqual(Now, withdrawal.RecordedAt);
        Assert.IsNull(Grant.WithdrawnOn);
    }
}
