namespace MediaGate.Gate.Accounts;

/// <summary>An account the manager asks for (README, <c>POST /api/manager/accounts</c>).</summary>
/// <param name="Username">1 to 64 letters, digits or <c>. _ - @</c>; unique without regard to case.</param>
/// <param name="Password">Required for managers and parents.</param>
/// <param name="Pin">Required for staff (tablet sign-in), refused for the other roles.</param>
/// <param name="Role">manager, staff or parent.</param>
/// <param name="Children">A parent's children.</param>
public sealed record NewAccount(string? Username, string? Password, string? Pin, string? Role, IReadOnlyList<string?>? Children);
