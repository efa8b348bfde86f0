using MediaGate.Data.Media;
using MediaGate.Gate.Dashboard;

namespace MediaGate.Gate.Tests.Dashboard;

[TestClass]
public sealed class ActivityTallyTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private static MediaActivity Item(MediaStatus status, DateTimeOffset created, DateTimeOffset updated) =>
        new(Guid.NewGuid().ToString("N"), status, created, updated);

    [TestMethod]
    public void PerDay_ItemsOverThreeDays_CountedOnTheirLocalDates()
    {
        var today = new DateOnly(2026, 6, 10);
        // 23:30 UTC on 9 June is 00:30 on 10 June in London (summer time): it counts on the 10th.
        var lateEvening = new DateTimeOffset(2026, 6, 9, 23, 30, 0, TimeSpan.Zero);
        var morning = new DateTimeOffset(2026, 6, 9, 8, 0, 0, TimeSpan.Zero);
        var tooOld = new DateTimeOffset(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);
        MediaActivity[] items =
        [
            Item(MediaStatus.Released, morning, morning.AddMinutes(3)),
            Item(MediaStatus.Held, lateEvening, lateEvening.AddMinutes(1)),
            Item(MediaStatus.NeedsAssignment, morning, lateEvening),
            Item(MediaStatus.Blocked, tooOld, morning),
            Item(MediaStatus.Failed, lateEvening, lateEvening),
            Item(MediaStatus.Processing, lateEvening, lateEvening),
        ];

        var days = ActivityTally.PerDay(items, London, today, 3);

        CollectionAssert.AreEqual(
            new[]
            {
                new DayCounts(new DateOnly(2026, 6, 8), 0, 0, 0, 0, 0),
                new DayCounts(new DateOnly(2026, 6, 9), 2, 1, 0, 1, 0),
                new DayCounts(new DateOnly(2026, 6, 10), 3, 0, 2, 0, 1),
            },
            days.ToArray());
    }

    [TestMethod]
    public void AverageMinutesToRelease_ReleasedInTheWindow_AveragesOnlyThose()
    {
        var since = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var t = since.AddDays(2);
        MediaActivity[] items =
        [
            Item(MediaStatus.Released, t, t.AddMinutes(2)),
            Item(MediaStatus.Released, t, t.AddMinutes(7)),
            Item(MediaStatus.Released, since.AddDays(-3), since.AddMinutes(-1)), // released before the window
            Item(MediaStatus.Held, t, t.AddMinutes(500)),
        ];

        Assert.AreEqual(4.5, ActivityTally.AverageMinutesToRelease(items, since));
        Assert.IsNull(ActivityTally.AverageMinutesToRelease(items.Skip(2), since));
    }

    [TestMethod]
    public void StartOf_ADayInSummerTime_IsLocalMidnight()
    {
        var start = ActivityTally.StartOf(new DateOnly(2026, 6, 10), London);

        Assert.AreEqual(new DateTimeOffset(2026, 6, 9, 23, 0, 0, TimeSpan.Zero), start.ToUniversalTime());
    }
}
