using MediaGate.Data.Identity;

namespace MediaGate.Gate.Accounts;

/// <summary>A tablet just registered, with its secret (shown this once).</summary>
public sealed record IssuedDevice(Device Device, string Secret);
