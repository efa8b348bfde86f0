namespace MediaGate.Gate.Dashboard;

/// <summary>The manager's dashboard (README, <c>GET /api/manager/dashboard</c>).</summary>
/// <param name="Today">Today's counts (setting's time zone).</param>
/// <param name="HeldNow">Items held or waiting for a face to be assigned now.</param>
/// <param name="BlockedNow">Items blocked now.</param>
/// <param name="FailedNow">Items failed now, whatever day they failed.</param>
/// <param name="RetryableNow">Of <paramref name="FailedNow"/>, those "Try failed photos again" can put back in the queue now (their
/// master recorded or their original still kept: <see cref="Data.IWorkQueue.CountRequeueableAsync"/>); the page offers the button only
/// while it is above 0, so a failure whose original is gone does not keep a button that can do nothing.</param>
/// <param name="AverageMinutesToRelease">Over the items released in the window: minutes from upload to release; null when none.</param>
/// <param name="HoldReasons">Why the items now held are held, most common first.</param>
/// <param name="ConsentsDueForReview">Grants in force whose review date is within <see cref="ManagerDashboard.ReviewHorizonDays"/> days or has passed.</param>
/// <param name="PerDay">One entry per day of the window, oldest first, today last.</param>
public sealed record DashboardView(
    DayCounts Today,
    long HeldNow,
    long BlockedNow,
    long FailedNow,
    long RetryableNow,
    double? AverageMinutesToRelease,
    IReadOnlyList<HoldReasonCount> HoldReasons,
    IReadOnlyList<DueConsent> ConsentsDueForReview,
    IReadOnlyList<DayCounts> PerDay);
