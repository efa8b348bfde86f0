namespace MediaGate.Gate.Observations;

/// <summary>Who is calling from a tablet: the registered device and the staff member signed in on it.</summary>
public sealed record TabletCaller(string DeviceId, string StaffId);
