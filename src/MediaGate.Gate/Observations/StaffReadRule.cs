using MediaGate.Data.Media;

namespace MediaGate.Gate.Observations;

/// <summary>
/// What a staff member on a tablet may see and name (issue 13): an observation taken on the tablet they are signed in on,
/// or taken by themselves on any tablet, for <see cref="Window"/> after its upload. The one rule for reading an observation,
/// listing one's recent ones, the unmasked preview and naming faces; anything else is answered as if it did not exist.
/// </summary>
public static class StaffReadRule
{
    /// <summary>How long after its upload staff may still see an observation: long enough to name faces over a week's
    /// sessions, short enough that a staff token does not open the setting's history.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(7);

    public static bool Allows(ObservationRecord observation, TabletCaller caller, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(observation);
        ArgumentNullException.ThrowIfNull(caller);
        bool theirs = observation.StaffId == caller.StaffId || observation.DeviceId == caller.DeviceId;
        return theirs && observation.ReceivedAt > now - Window;
    }
}
