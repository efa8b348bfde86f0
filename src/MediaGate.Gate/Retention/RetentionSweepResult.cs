namespace MediaGate.Gate.Retention;

/// <summary>What one run of <see cref="RetentionSweep"/> did.</summary>
/// <param name="ItemsDeleted">Items tombstoned (status <c>deleted</c>) because every tagged child left and the grace passed.</param>
/// <param name="ObjectsDeleted">Objects deleted from the stores (retention, abandoned uploads), including ones already gone.</param>
/// <param name="ObjectsFailed">Objects that could not be deleted this time; their claims run out and a later run tries again.</param>
public sealed record RetentionSweepResult(int ItemsDeleted, int ObjectsDeleted, int ObjectsFailed);
