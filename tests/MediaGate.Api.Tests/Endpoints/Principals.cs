using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace MediaGate.Api.Tests.Endpoints;

/// <summary>Requests as a signed-in account would make them (the authorization policy has already let them in).</summary>
internal static class Principals
{
    public static ClaimsPrincipal Account(string id, string role) =>
        new(new ClaimsIdentity([new Claim(MediaGateClaims.Subject, id), new Claim(MediaGateClaims.Role, role)], "Bearer"));

    public static DefaultHttpContext Request(string id, string role) => new() { User = Account(id, role) };
}
