namespace MediaGate.Gate.Dashboard;

/// <summary>A grant in force whose annual review date is near or has passed (then it no longer counts: renew it).</summary>
/// <param name="ChildId">The child.</param>
/// <param name="ChildName">The child's name.</param>
/// <param name="Purpose">journal, website, publicity or events.</param>
/// <param name="ReviewOn">The grant's review (lapse) date.</param>
public sealed record DueConsent(string ChildId, string ChildName, string Purpose, DateOnly ReviewOn);
