using MediaGate.Data.Identity;

namespace MediaGate.Data.Tests.Identity;

/// <summary>Identity test data; hashes here are opaque strings (hashing is the API layer's and tested there).</summary>
internal static class IdentitySample
{
    public static Account Account(string username, AccountRole role, DateTimeOffset at) =>
        new(Guid.NewGuid().ToString("N"), username, role, "password-hash-" + username, role == AccountRole.Staff ? "pin-hash" : null, true, at);

    public static Device Device(string name, DateTimeOffset at) => new(Guid.NewGuid().ToString("N"), name, new string('a', 64), at, null);

    public static WebsiteKey WebsiteKey(string name, DateTimeOffset at) => new(Guid.NewGuid().ToString("N"), name, Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N"), at, null);
}
