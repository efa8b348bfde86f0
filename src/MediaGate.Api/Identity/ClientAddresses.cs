namespace MediaGate.Api.Identity;

/// <summary>The address sign-in delays and the failure audit budget count by: the connection's, which the forwarded-headers
/// middleware sets from <c>X-Forwarded-For</c> only for the proxies named in <c>Service:KnownProxies</c>.</summary>
internal static class ClientAddresses
{
    public static string Of(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
