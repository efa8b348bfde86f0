namespace MediaGate.Identity;

/// <summary>The audit log's action codes for identities (issue 7, Audit: "every sign-in").</summary>
public static class IdentityAuditActions
{
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";
    public const string SignInLockedOut = "sign-in-locked-out";

    /// <summary>One address failed more than <see cref="SignIn.FailureAuditBudget.PerWindow"/> sign-ins in a minute: the rest of that minute's are not recorded.</summary>
    public const string SignInFailuresNotRecorded = "sign-in-failures-not-recorded";
    public const string OutsideWorkingHours = "refused-outside-working-hours";
    public const string AccountCreated = "account-create";
    public const string DeviceRegistered = "device-register";
    public const string DeviceRevoked = "device-revoke";
    public const string WebsiteKeyCreated = "website-key-create";
    public const string WebsiteKeyRevoked = "website-key-revoke";

    /// <summary>Named with a dot, as the README lists it (unlike the older hyphenated actions).</summary>
    public const string SignedOut = "session.signed-out";
    public const string AccountDeactivated = "account-deactivate";
    public const string PasswordChanged = "account-password";
    public const string PinChanged = "account-pin";
    public const string ChildrenChanged = "account-children";

    /// <summary>The actor of entries made before anyone is signed in.</summary>
    public const string Anonymous = "anonymous";
}
