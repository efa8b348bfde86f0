using System.Net;
using MediaGate.Api.Hosting;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace MediaGate.Api.Endpoints;

/// <summary>
/// What operators and orchestrators call, without a token (api.md, Operations): <c>/health/live</c> (the
/// process answers), <c>/health/ready</c> (database and both stores answer; 503 otherwise) and
/// <c>/metrics</c> (Prometheus text format, only from <see cref="OperationsOptions.MetricsNetworks"/>).
/// </summary>
public static class OperationsEndpoints
{
    /// <summary>The tag of the checks that <c>/health/ready</c> runs.</summary>
    public const string ReadyTag = "ready";

    public static IEndpointRouteBuilder MapOperationsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponseWriter.WriteAsync })
            .WithTags("Operations").ExcludeFromDescription();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = HealthResponseWriter.WriteAsync,
        }).WithTags("Operations").ExcludeFromDescription();
        app.MapPrometheusScrapingEndpoint("/metrics", meterProvider: null, configureBranchedPipeline: branch => branch.Use(OnlyFromAllowedNetworks), optionsName: null);
        return app;
    }

    /// <summary>Others get 404, as if there were no such endpoint.</summary>
    private static Task OnlyFromAllowedNetworks(HttpContext context, RequestDelegate next)
    {
        IPAddress? remote = context.Connection.RemoteIpAddress;
        var networks = context.RequestServices.GetRequiredService<IOptions<OperationsOptions>>().Value.AllowedMetricsNetworks();
        if (remote is not null && remote.IsIPv4MappedToIPv6)
        {
            remote = remote.MapToIPv4();
        }

        if (remote is not null && networks.Any(n => n.Contains(remote)))
        {
            return next(context);
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }
}
