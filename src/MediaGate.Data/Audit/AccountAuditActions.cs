namespace MediaGate.Data.Audit;

/// <summary>The audit actions of accounts, devices and website keys: written by the Gate's registers and by the first manager's bootstrap (Identity), named by the audit log's sentences.</summary>
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
