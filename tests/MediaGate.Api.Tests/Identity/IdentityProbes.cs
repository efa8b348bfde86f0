using System.Security.Claims;
using MediaGate.Api.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MediaGate.Api.Tests.Identity;

/// <summary>
/// The identity tests' host options: a fake clock at <see cref="TestHost.Monday10"/> (so that expiry, lock-outs and
/// working hours can be moved through), the fixed master key, and one probe endpoint per policy.
/// </summary>
internal static class IdentityProbes
{
    public static TestHostOptions Options(IReadOnlyDictionary<string, string?>? settings = null, TempFolder? folder = null) => new()
    {
        Time = new FakeTimeProvider(TestHost.Monday10),
        FixedMasterKey = true,
        Settings = settings ?? new Dictionary<string, string?>(),
        Folder = folder,
        MapEndpoints = Map,
    };

    private static void Map(WebApplication app)
    {
        app.MapGet("/probe/tablet", (ClaimsPrincipal user) => new ProbeResponse(user.AccountId(), user.Role(), user.DeviceId(), null))
            .RequireAuthorization(Policies.Tablet).ExcludeFromDescription();
        app.MapGet("/probe/parent", (ClaimsPrincipal user) => new ProbeResponse(user.AccountId(), user.Role(), user.DeviceId(), null))
            .RequireAuthorization(Policies.Parent).ExcludeFromDescription();
        app.MapGet("/probe/website", (ClaimsPrincipal user) => new ProbeResponse(null, null, null, user.WebsiteKeyName()))
            .RequireAuthorization(Policies.Website).ExcludeFromDescription();
    }
}
