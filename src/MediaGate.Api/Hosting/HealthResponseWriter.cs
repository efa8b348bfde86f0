using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MediaGate.Api.Hosting;

/// <summary>
/// The health endpoints' JSON: <c>{"status", "checks": [{"name", "status", "description"}]}</c>. Never writes
/// an exception or its message (they can name hosts, users or paths); the log has those.
/// </summary>
internal static class HealthResponseWriter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Json));
    }
}
