namespace MediaGate.Gate.Dashboard;

/// <summary>How many items now held are held for this reason (the consent engine's reason code, e.g. <c>FaceUnassigned</c>).</summary>
public sealed record HoldReasonCount(string Reason, int Count);
