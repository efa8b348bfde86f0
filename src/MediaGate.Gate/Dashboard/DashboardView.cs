namespace MediaGate.Gate.Dashboard;

/// <summary>The manager's dashboard (README, <c>GET /api/manager/dashboard</c>).</summary>
/// <param name="Today">Today's counts (setting's time zone).</param>
/// <param name="HeldNow">Items held or waiting for a face to be assigned now.</param>
/// <param name="BlockedNow">Items blocked now.</param>
/// <param name="FailedNow">Items failed now, whatever day they failed (the ones "Try failed photos again" puts back in the queue).</param>
/// <param name="AverageMinutesToRelease">Over the items released in the window: minutes from upload to release; null when none.</param>
/// <param name="HoldReasons">Why the items now held are held, most common first.</param>
/// <param name="ConsentsDueForReview">Grants in force whose review date is within <see cref="ManagerDashboard.ReviewHorizonDays"/> days or has passed.</param>
/// <param name="PerDay">One entry per day of the window, oldest first, today last.</param>
public sealed record DashboardView(
    DayCounts Today,
    long HeldNow,
    long BlockedNow,
    long FailedNow,
    double? AverageMinutesToRelease,
    IReadOnlyList<HoldReasonCount> HoldReasons,
    IReadOnlyList<DueConsent> ConsentsDueForReview,
    IReadOnlyList<DayCounts> PerDay);
