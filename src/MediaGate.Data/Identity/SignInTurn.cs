namespace MediaGate.Data.Identity;

/// <summary>
/// The answer to a sign-in attempt's turn: admitted (its credentials may be checked; <paramref name="Attempts"/> counted so
/// far, this one included) or made to wait until <paramref name="WaitUntil"/>. <paramref name="DelaysBegan"/>: this attempt
/// was the first to set a wait (audited once).
/// </summary>
public sealed record SignInTurn(bool Admitted, long Attempts, DateTimeOffset? WaitUntil, bool DelaysBegan);
