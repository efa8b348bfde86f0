namespace MediaGate.Identity.SignIn;

/// <summary>The result of a sign-in attempt: expected refusals are values (Polly-style), not exceptions.</summary>
/// <param name="Result">What happened.</param>
/// <param name="Token">The bearer token, when signed in.</param>
/// <param name="Role">The account's role, when signed in.</param>
/// <param name="RetryAfter">How long until a locked-out username or source may try again.</param>
public sealed record SignInOutcome(SignInResult Result, string? Token = null, string? Role = null, TimeSpan? RetryAfter = null)
{
    public static SignInOutcome Rejected { get; } = new(SignInResult.Rejected);

    public static SignInOutcome OutsideWorkingHours { get; } = new(SignInResult.OutsideWorkingHours);
}
