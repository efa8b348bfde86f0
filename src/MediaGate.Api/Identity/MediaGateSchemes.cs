using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace MediaGate.Api.Identity;

/// <summary>The authentication schemes: bearer tokens for people, an API key for the website.</summary>
public static class MediaGateSchemes
{
    public const string Bearer = JwtBearerDefaults.AuthenticationScheme;

    public const string WebsiteKey = "WebsiteKey";

    /// <summary>The header the website sends its key in (api.md, Website).</summary>
    public const string WebsiteKeyHeader = "X-Api-Key";
}
