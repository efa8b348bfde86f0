using MediaGate.Data;
using MediaGate.Gate.Consents;
using Microsoft.Extensions.Options;

namespace MediaGate.Gate.Children;

/// <summary>
/// The one rule for who is no longer photographed for the setting: a child whose leaving day, in the setting's
/// calendar (<see cref="SettingClockOptions"/>), is today or earlier. Their family's copies are on the way to deletion,
/// so an upload tagging them, a face named as them, an event listing them and the tablet's room list all leave them out.
/// </summary>
public sealed class ChildrenWhoLeft(MediaGateDatabase database, TimeProvider time, IOptions<SettingClockOptions> clock)
{
    /// <summary>Today in the setting's calendar.</summary>
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), clock.Value.Zone).DateTime);

    /// <summary>The ids of the children who have left by today.</summary>
    public Task<IReadOnlySet<string>> NowAsync(CancellationToken cancellationToken = default) =>
        database.Retention.LeftByAsync(Today, cancellationToken);
}
