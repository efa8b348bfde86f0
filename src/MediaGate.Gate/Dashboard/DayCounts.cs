namespace MediaGate.Gate.Dashboard;

/// <summary>
/// What happened on one day in the setting's time zone: items accepted (uploaded), and items whose status last
/// changed that day to released, held (incl. waiting for a face to be assigned), blocked or failed.
/// </summary>
public sealed record DayCounts(DateOnly Date, int Uploaded, int Released, int Held, int Blocked, int Failed);
