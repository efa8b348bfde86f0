namespace MediaGate.Data.Identity;

/// <summary>How many failures a key may have within <paramref name="Window"/> before it is locked out for <paramref name="Lockout"/>.</summary>
public sealed record SignInLimit(int MaxFailures, TimeSpan Window, TimeSpan Lockout);
