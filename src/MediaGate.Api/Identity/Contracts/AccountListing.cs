namespace MediaGate.Api.Identity.Contracts;

/// <summary>An account as the manager sees it (never a hash).</summary>
public sealed record AccountListing(string Id, string Username, string Role, bool Active, bool HasPassword, bool HasPin, IReadOnlyList<string> Children, DateTimeOffset CreatedAt);
