namespace MediaGate.Api.Tests.Identity;

/// <summary>Who a probe endpoint of <see cref="IdentityProbes"/> saw.</summary>
internal sealed record ProbeResponse(string? Account, string? Role, string? Device, string? WebsiteKey);
