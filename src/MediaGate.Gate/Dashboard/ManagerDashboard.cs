using MediaGate.Consent.Matrix;
using MediaGate.Data;
using MediaGate.Data.Media;
using MediaGate.Gate.Consents;
using MediaGate.Gate.Review;
using Microsoft.Extensions.Options;

namespace MediaGate.Gate.Dashboard;

/// <summary>
/// The manager's dashboard (issue 8, section 3; README): items today, held, blocked and failed now, average time to
/// release, hold reasons, consents due for review, and counts per day for the chart, all in the setting's time zone.
/// Reads only: the hold reasons are the review queue's (<see cref="ReviewItem.QueueAsync(IReadOnlyCollection{MediaStatus}, int, CancellationToken)"/>), the engine's reasons as of now.
/// </summary>
public sealed class ManagerDashboard(
    IConsentRepository consentsRepository, IMediaRepository media, IMediaActivityRepository mediaActivity, IWorkQueue work, ReviewItem review, TimeProvider time,
    IOptions<SettingClockOptions> clock)
{
    /// <summary>How far ahead a review date counts as due.</summary>
    public const int ReviewHorizonDays = 30;

    /// <summary>The longest window (days) the dashboard reads.</summary>
    public const int MaxDays = 90;

    /// <summary>At most this many items are read for the window; the newest are kept, so a setting uploading more would see the oldest days undercounted.</summary>
    private const int MaxItems = 100_000;

    /// <summary>The review queue's own limit: the hold reasons are counted over at most this many held items (the oldest).</summary>
    private const int MaxHeldItems = 500;

    private static readonly string JournalPurpose = Purpose.Journal.Name();

    private static readonly MediaStatus[] HeldStatuses = [MediaStatus.Held, MediaStatus.NeedsAssignment];

    public async Task<DashboardView> ReadAsync(int days, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(days);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, MaxDays);
        var zone = clock.Value.Zone;
        var now = time.GetUtcNow();
        var today = ActivityTally.LocalDate(now, zone);
        var since = ActivityTally.StartOf(today.AddDays(1 - days), zone);

        var activity = await mediaActivity.SinceAsync(since, MaxItems, cancellationToken).ConfigureAwait(false);
        var perDay = ActivityTally.PerDay(activity, zone, today, days);
        var counts = await media.CountByStatusAsync(cancellationToken).ConfigureAwait(false);
        long Count(MediaStatus status) => counts.TryGetValue(status, out long n) ? n : 0;

        // Only the held items: blocked ones pile up over the years and would crowd them out of the queue's limit.
        var queue = await review.QueueAsync(HeldStatuses, MaxHeldItems, cancellationToken).ConfigureAwait(false);
        var reasons = queue
            // The journal decisions set an item's status (ItemStatusRule); a public audience's "awaiting approval" does not hold it.
            .SelectMany(i => i.Decisions.Where(d => d.Purpose == JournalPurpose).SelectMany(d => d.Reasons).Where(r => r.Effect == "hold").Select(r => r.Code).Distinct(StringComparer.Ordinal)
                .Select(code => (Code: code, Video: i.Kind == MediaKinds.Video)))
            .GroupBy(r => r.Code, StringComparer.Ordinal)
            .Select(g => new HoldReasonCount(g.Key, g.Count(), HoldSentences.Count(g.Key, g.Count(r => !r.Video), g.Count(r => r.Video))))
            .OrderByDescending(r => r.Count).ThenBy(r => r.Reason, StringComparer.Ordinal)
            .ToArray();

        var matrix = await consentsRepository.LoadMatrixAsync(cancellationToken).ConfigureAwait(false);
        return new DashboardView(
            perDay[^1],
            Count(MediaStatus.Held) + Count(MediaStatus.NeedsAssignment),
            Count(MediaStatus.Blocked),
            Count(MediaStatus.Failed),
            await work.CountRequeueableAsync(cancellationToken).ConfigureAwait(false),
            ActivityTally.AverageMinutesToRelease(activity, since),
            reasons,
            ConsentReviewDates.Due(matrix, now, today, ReviewHorizonDays),
            perDay);
    }
}
