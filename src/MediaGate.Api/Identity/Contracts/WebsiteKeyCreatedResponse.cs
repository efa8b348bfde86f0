namespace MediaGate.Api.Identity.Contracts;

/// <summary>The new website key, shown here once and never again.</summary>
public sealed record WebsiteKeyCreatedResponse(string Name, string Key);
