using MediaGate.Data.Identity;

namespace MediaGate.Gate.Accounts;

/// <summary>A website key just made, with the key itself (shown this once).</summary>
public sealed record IssuedWebsiteKey(WebsiteKey Record, string Key);
