using MediaGate.Gate.Accounts;

namespace MediaGate.Api.Identity;

/// <summary>The audit log's action codes for identities (issue 7, Audit: "every sign-in"); the manager's account changes are the Gate's (<see cref="AccountAuditActions"/>).</summary>
public static class IdentityAuditActions
{
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";
    public const string SignInLockedOut = "sign-in-locked-out";
    public const string OutsideWorkingHours = "refused-outside-working-hours";
    public const string AccountCreated = AccountAuditActions.AccountCreated;
    public const string DeviceRegistered = AccountAuditActions.DeviceRegistered;
    public const string DeviceRevoked = AccountAuditActions.DeviceRevoked;
    public const string WebsiteKeyCreated = AccountAuditActions.WebsiteKeyCreated;
    public const string WebsiteKeyRevoked = AccountAuditActions.WebsiteKeyRevoked;

    /// <summary>Named with a dot, as the README lists it (unlike the older hyphenated actions).</summary>
    public const string SignedOut = "session.signed-out";
    public const string AccountDeactivated = AccountAuditActions.AccountDeactivated;
    public const string PasswordChanged = AccountAuditActions.PasswordChanged;
    public const string PinChanged = AccountAuditActions.PinChanged;
    public const string ChildrenChanged = AccountAuditActions.ChildrenChanged;

    /// <summary>The actor of entries made before anyone is signed in.</summary>
    public const string Anonymous = "anonymous";
}
