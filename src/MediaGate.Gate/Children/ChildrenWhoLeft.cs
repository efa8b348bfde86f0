using MediaGate.Consent.People;
using MediaGate.Data;
using MediaGate.Data.Retention;
using MediaGate.Gate.Consents;
using Microsoft.Extensions.Options;

namespace MediaGate.Gate.Children;

/// <summary>
/// The one rule for who is no longer photographed for the setting: a child whose leaving day, in the setting's
/// calendar (<see cref="SettingClockOptions"/>), is today or earlier. Their family's copies are on the way to deletion,
/// so an upload tagging them, a face named as them, an event listing them and the tablet's room list all leave them out.
/// </summary>
public sealed class ChildrenWhoLeft(IChildRepository children, IRetentionRepository retention, TimeProvider time, IOptions<SettingClockOptions> clock)
{
    /// <summary>Today in the setting's calendar.</summary>
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), clock.Value.Zone).DateTime);

    /// <summary>The ids of the children who have left by today.</summary>
    public Task<IReadOnlySet<string>> NowAsync(CancellationToken cancellationToken = default) =>
        retention.LeftByAsync(Today, cancellationToken);

    /// <summary>Those of <paramref name="ids"/> who have left by today, each once, in the order given.</summary>
    public async Task<string[]> AmongAsync(IEnumerable<string?> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var left = await NowAsync(cancellationToken).ConfigureAwait(false);
        return ids.OfType<string>().Where(left.Contains).Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>The children still at the setting today.</summary>
    public async Task<IReadOnlyList<Child>> StillHereAsync(CancellationToken cancellationToken = default)
    {
        var left = await NowAsync(cancellationToken).ConfigureAwait(false);
        return (await children.ListAsync(cancellationToken).ConfigureAwait(false)).Where(c => !left.Contains(c.Id.Value)).ToArray();
    }
}
