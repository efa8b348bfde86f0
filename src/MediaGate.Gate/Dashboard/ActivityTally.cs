using MediaGate.Data.Media;

namespace MediaGate.Gate.Dashboard;

/// <summary>
/// Counts media activity per day of the setting's calendar (pure). The database keeps an item's current status and
/// when it last changed, not every change: an item released on Monday and blocked on Tuesday counts as blocked on
/// Tuesday only. That is the dashboard's reading of "released today" (what stands now, by when it came to stand).
/// </summary>
public static class ActivityTally
{
    /// <summary>One <see cref="DayCounts"/> per day from <c>today - days + 1</c> to <paramref name="today"/>.</summary>
    public static IReadOnlyList<DayCounts> PerDay(IEnumerable<MediaActivity> items, TimeZoneInfo zone, DateOnly today, int days)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(days);
        DateOnly first = today.AddDays(1 - days);
        var uploaded = new int[days];
        var settled = new int[days, 4];
        foreach (var item in items)
        {
            if (IndexOf(item.CreatedAt) is { } created)
            {
                uploaded[created]++;
            }

            if (IndexOf(item.UpdatedAt) is { } updated && Column(item.Status) is { } column)
            {
                settled[updated, column]++;
            }
        }

        return Enumerable.Range(0, days)
            .Select(i => new DayCounts(first.AddDays(i), uploaded[i], settled[i, 0], settled[i, 1], settled[i, 2], settled[i, 3]))
            .ToArray();

        int? IndexOf(DateTimeOffset instant)
        {
            int index = LocalDate(instant, zone).DayNumber - first.DayNumber;
            return index >= 0 && index < days ? index : null;
        }
    }

    /// <summary>Minutes from upload to release, averaged over the released items whose release falls in [<paramref name="since"/>, now]; null when none.</summary>
    public static double? AverageMinutesToRelease(IEnumerable<MediaActivity> items, DateTimeOffset since)
    {
        ArgumentNullException.ThrowIfNull(items);
        var minutes = items.Where(i => i.Status == MediaStatus.Released && i.UpdatedAt >= since)
            .Select(i => Math.Max(0, (i.UpdatedAt - i.CreatedAt).TotalMinutes))
            .ToArray();
        return minutes.Length == 0 ? null : Math.Round(minutes.Average(), 1);
    }

    /// <summary>The date in the setting's calendar.</summary>
    public static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>The start of <paramref name="date"/> in the setting's time zone, as an instant.</summary>
    public static DateTimeOffset StartOf(DateOnly date, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // A midnight skipped by a clock change does not exist: the day then starts at the first moment that does.
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private static int? Column(MediaStatus status) => status switch
    {
        MediaStatus.Released => 0,
        MediaStatus.Held or MediaStatus.NeedsAssignment => 1,
        MediaStatus.Blocked => 2,
        MediaStatus.Failed => 3,
        _ => null,
    };
}
