using MediaGate.Consent.Matrix;
using MediaGate.Testing.Consents;
using static MediaGate.Testing.Consents.Kids;

namespace MediaGate.Consent.Tests.Matrix;

[TestClass]
public sealed class ConsentMatrixTests
{
    [TestMethod]
    public void History_AfterWithdrawal_KeepsTheGrantAndAddsTheWithdrawal()
    {
        var withdrawnAt = Now.AddDays(-1);
        var matrix = new ConsentBook().Grant(Ava, Purpose.Website).Withdraw(Ava, Purpose.Website, withdrawnAt).Matrix();

        var history = matrix.History(Ava, Purpose.Website);

        Assert.HasCount(2, history);
        Assert.IsNull(history[0].WithdrawnOn);
        Assert.AreEqual(withdrawnAt, history[1].WithdrawnOn);
    }

    [TestMethod]
    public void AsOf_BeforeTheWithdrawal_SeesTheGrant()
    {
        var withdrawnAt = Now.AddDays(-1);
        var matrix = new ConsentBook().Grant(Ava, Purpose.Website).Withdraw(Ava, Purpose.Website, withdrawnAt).Matrix();

        Assert.AreEqual(ConsentStatus.Granted, matrix.AsOf(withdrawnAt.AddMinutes(-1), TimeZoneInfo.Utc).Status(Ava, Purpose.Website));
        Assert.AreEqual(ConsentStatus.Withdrawn, matrix.AsOf(withdrawnAt, TimeZoneInfo.Utc).Status(Ava, Purpose.Website));
    }

    [TestMethod]
    public void Now_WhenTheClockReachesTheReviewDate_TheGrantLapses()
    {
        var matrix = new ConsentBook().Grant(Ava, Purpose.Journal, lapsesOn: new DateOnly(2026, 9, 1)).Matrix();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 8, 31, 12, 0, 0, TimeSpan.Zero));

        var before = matrix.Now(clock, TimeZoneInfo.Utc).Status(Ava, Purpose.Journal);
        clock.Advance(TimeSpan.FromHours(12));
        var after = matrix.Now(clock, TimeZoneInfo.Utc).Status(Ava, Purpose.Journal);

        Assert.AreEqual(ConsentStatus.Granted, before);
        Assert.AreEqual(ConsentStatus.Lapsed, after);
    }

    [TestMethod]
    public void AsOf_InTheSettingsTimeZone_LapsesAtLocalMidnight()
    {
        // 23:30 UTC on 31 August is already 1 September an hour east: the form lapses there.
        var eastOfUtc = TimeZoneInfo.CreateCustomTimeZone("UTC+1", TimeSpan.FromHours(1), "UTC+1", "UTC+1");
        var matrix = new ConsentBook().Grant(Ava, Purpose.Journal, lapsesOn: new DateOnly(2026, 9, 1)).Matrix();
        var moment = new DateTimeOffset(2026, 8, 31, 23, 30, 0, TimeSpan.Zero);

        Assert.AreEqual(ConsentStatus.Granted, matrix.AsOf(moment, TimeZoneInfo.Utc).Status(Ava, Purpose.Journal));
        Assert.AreEqual(ConsentStatus.Lapsed, matrix.AsOf(moment, eastOfUtc).Status(Ava, Purpose.Journal));
    }

    [TestMethod]
    public void AsOf_NothingRecorded_IsNotAsked()
    {
        var snapshot = new ConsentBook().Grant(Ava, Purpose.Journal).AtNow();

        Assert.AreEqual(ConsentStatus.NotAsked, snapshot.Status(Ava, Purpose.Publicity));
        Assert.AreEqual(ConsentStatus.NotAsked, snapshot.Status(Ben, Purpose.Journal));
    }

    [TestMethod]
    public void AllowsGroupSharing_GroupOptionOnALapsedGrant_IsFalse()
    {
        var matrix = new ConsentBook().Grant(Ava, Purpose.Journal, group: true, lapsesOn: new DateOnly(2026, 1, 1)).Matrix();

        Assert.IsFalse(matrix.AsOf(Now, TimeZoneInfo.Utc).AllowsGroupSharing(Ava));
    }

    [TestMethod]
    public void NameOf_ChildNotOnRoster_FallsBackToTheId()
    {
        var snapshot = ConsentMatrix.Empty.AsOf(Now, TimeZoneInfo.Utc);

        Assert.AreEqual("ava", snapshot.NameOf(Ava));
    }

    [TestMethod]
    public void With_AWithdrawal_TheNewMatrixSeesItAndTheOriginalDoesNot()
    {
        var original = new ConsentBook().Grant(Ava, Purpose.Journal).Grant(Ben, Purpose.Journal).Matrix();
        var grant = original.History(Ava, Purpose.Journal)[^1];

        var changed = original.With(grant.WithdrawnAt(Now));

        Assert.AreEqual(ConsentStatus.Withdrawn, changed.AsOf(Now, TimeZoneInfo.Utc).Status(Ava, Purpose.Journal));
        Assert.AreEqual(ConsentStatus.Granted, changed.AsOf(Now, TimeZoneInfo.Utc).Status(Ben, Purpose.Journal), "other cells are kept");
        Assert.HasCount(2, changed.History(Ava, Purpose.Journal));
        Assert.HasCount(1, original.History(Ava, Purpose.Journal), "the original matrix is not changed");
        Assert.AreEqual(ConsentStatus.Granted, original.AsOf(Now, TimeZoneInfo.Utc).Status(Ava, Purpose.Journal));
        Assert.AreEqual(original.RecordCount + 1, changed.RecordCount);
    }

    [TestMethod]
    public void With_ACellNeverAskedBefore_AddsItsFirstRecord()
    {
        var original = new ConsentBook().Grant(Ava, Purpose.Journal).Matrix();
        var grant = original.History(Ava, Purpose.Journal)[^1] with { Purpose = Purpose.Website };

        var changed = original.With(grant);

        Assert.AreEqual(ConsentStatus.Granted, changed.AsOf(Now, TimeZoneInfo.Utc).Status(Ava, Purpose.Website));
        Assert.IsEmpty(original.History(Ava, Purpose.Website));
    }
}
