namespace MediaGate.Identity;

/// <summary>
/// The audit log's action codes for sign-ins and sessions (issue 7, Audit: "every sign-in"); the manager's account, device
/// and website key changes are the Gate's (<see cref="MediaGate.Data.Audit.AccountAuditActions"/>).
/// </summary>
public static class IdentityAuditActions
{
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";
    public const string SignInLockedOut = "sign-in-locked-out";

    /// <summary>One address failed more than <see cref="SignIn.FailureAuditBudget.PerWindow"/> sign-ins in a minute: the rest of that minute's are not recorded.</summary>
    public const string SignInFailuresNotRecorded = "sign-in-failures-not-recorded";
    public const string OutsideWorkingHours = "refused-outside-working-hours";

    /// <summary>Named with a dot, as the README lists it (unlike the older hyphenated actions).</summary>
    public const string SignedOut = "session.signed-out";

    /// <summary>The actor of entries made before anyone is signed in.</summary>
    public const string Anonymous = "anonymous";
}
