namespace MediaGate.Gate.Accounts;

/// <summary>The audit actions of the manager's account, device and website key changes (the audit log's sentences name them).</summary>
public static class AccountAuditActions
{
    public const string AccountCreated = "account-create";
    public const string AccountDeactivated = "account-deactivate";
    public const string PasswordChanged = "account-password";
    public const string PinChanged = "account-pin";
    public const string ChildrenChanged = "account-children";
    public const string DeviceRegistered = "device-register";
    public const string DeviceRevoked = "device-revoke";
    public const string WebsiteKeyCreated = "website-key-create";
    public const string WebsiteKeyRevoked = "website-key-revoke";
}
