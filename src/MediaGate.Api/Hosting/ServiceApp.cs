using MediaGate.Api.Endpoints;
using MediaGate.Api.Web;
using MediaGate.Gate;
using MediaGate.Storage;
using MediaGate.Storage.Hosting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using Scalar.AspNetCore;

namespace MediaGate.Api.Hosting;

/// <summary>
/// Builds the MediaGate service (issue 7): configuration (<see cref="ServiceConfiguration"/>), the parts
/// (<see cref="ServiceComposition"/>), and what every endpoint shares: ProblemDetails for every error, JSON
/// logs, OpenTelemetry metrics, health checks, the OpenAPI document and its reference page.
/// </summary>
public static partial class ServiceApp
{
    /// <summary>How long a client may take to send a request's headers.</summary>
    public static readonly TimeSpan RequestHeadersTimeout = TimeSpan.FromSeconds(20);

    /// <summary>The slowest body a client may send once <see cref="BodyRateGracePeriod"/> is over (a tablet on poor Wi-Fi sends far more).</summary>
    public const double MinBodyBytesPerSecond = 1024;

    public static readonly TimeSpan BodyRateGracePeriod = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Builds the application. <paramref name="configureServices"/> lets a test add to the container (for
    /// example an authentication stand-in) after the parts are registered.
    /// </summary>
    public static WebApplication Build(ServeSettings settings, Action<IServiceCollection>? configureServices = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        string workingDirectory = Directory.GetCurrentDirectory();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = workingDirectory,
            // Fixed: the Development environment would add the developer exception page, which shows stack traces.
            EnvironmentName = Environments.Production,
        });
        ServiceConfiguration.Apply(builder.Configuration, settings, workingDirectory);
        MasterKeyFile.Outcome masterKey = MasterKeyFile.Apply(builder.Configuration, settings.DataDirectory);
        builder.WebHost.UseUrls(builder.Configuration["Urls"] ?? ServeSettings.DefaultUrls);

        builder.Logging.ClearProviders();
        // One JSON object per event on stdout, with a UTC timestamp, for log shippers.
        builder.Logging.AddJsonConsole(o =>
        {
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });

        AddShared(builder);
        ServiceComposition.AddParts(builder.Services, builder.Configuration);
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        LogMasterKey(app, masterKey, settings.DataDirectory);
        UseShared(app);
        ServiceComposition.MapParts(app);
        return app;
    }

    private static void AddShared(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<OperationsOptions>().BindConfiguration(OperationsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ProxyOptions>().BindConfiguration(ProxyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((forwarded, proxies) =>
        {
            // Only the configured proxies: the defaults would also believe any header sent from loopback.
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            forwarded.ForwardLimit = null;
            foreach (var network in proxies.Value.Networks())
            {
                forwarded.KnownIPNetworks.Add(network);
            }
        });
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));

        // A bad request leaves as a BadHttpRequestException that ProblemExceptionHandler turns into its 4xx
        // ProblemDetails; without this, minimal APIs answer 400 or 415 with an empty body in Production.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o => o.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase);
        // Every ProblemDetails carries a traceId (the request's W3C activity id), which the error log repeats.
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();

        // The JSON endpoints' body limit, enforced by Kestrel before the body is read; endpoints that take
        // files declare their own limit (IRequestSizeLimitMetadata, applied by routing).
        long maxBody = builder.Configuration.GetValue($"{OperationsOptions.Section}:{nameof(OperationsOptions.MaxJsonBodyBytes)}", new OperationsOptions().MaxJsonBodyBytes);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = maxBody;
            // A client that stops sending its headers or its body (a stalled upload) loses the connection.
            k.Limits.RequestHeadersTimeout = RequestHeadersTimeout;
            k.Limits.MinRequestBodyDataRate = new MinDataRate(MinBodyBytesPerSecond, BodyRateGracePeriod);
            k.AddServerHeader = false;
        });

        services.AddOpenApi(options => OpenApiText.Configure(options));
        services.AddMediaGateWebPages();

        // Each check has a timeout, so /health/ready answers (503) even when a store hangs.
        var readyTimeout = TimeSpan.FromSeconds(builder.Configuration.GetValue(
            $"{OperationsOptions.Section}:{nameof(OperationsOptions.ReadyTimeoutSeconds)}", new OperationsOptions().ReadyTimeoutSeconds));
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", HealthStatus.Unhealthy, [OperationsEndpoints.ReadyTag], readyTimeout)
            .Add(StoreCheck(StorageServiceCollectionExtensions.MasterStore, readyTimeout))
            .Add(StoreCheck(StorageServiceCollectionExtensions.RenditionStore, readyTimeout));

        services.AddOpenTelemetry().ConfigureResource(r => r.AddService("mediagate")).WithMetrics(metrics => metrics
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            .AddMeter(GateMetrics.MeterName)
            .AddPrometheusExporter());
    }

    private static HealthCheckRegistration StoreCheck(string store, TimeSpan timeout) => new(
        $"{store}-store",
        provider => new ObjectStoreHealthCheck(provider.GetRequiredKeyedService<IObjectStore>(store)),
        HealthStatus.Unhealthy,
        [OperationsEndpoints.ReadyTag],
        timeout);

    private static void UseShared(WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<ProxyOptions>>().Value.KnownProxies.Count > 0)
        {
            app.UseForwardedHeaders();
        }

        // Only answers over HTTPS (directly, or from a known proxy saying so) carry it.
        app.UseHsts();
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        // Empty 4xx/5xx answers (401, 403, 404 of unknown routes, 405) get a ProblemDetails body too.
        app.UseStatusCodePages();
        app.UseMediaGateWebPages();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi();
        if (app.Configuration.GetValue<bool>($"{OperationsOptions.Section}:{nameof(OperationsOptions.ApiReference)}"))
        {
            app.MapScalarApiReference();
        }
    }

    private static void LogMasterKey(WebApplication app, MasterKeyFile.Outcome outcome, string dataDirectory)
    {
        string path = Path.Combine(dataDirectory, MasterKeyFile.FileName);
        if (outcome == MasterKeyFile.Outcome.Generated)
        {
            LogKeyGenerated(app.Logger, path);
        }
        else if (outcome == MasterKeyFile.Outcome.Loaded)
        {
            LogKeyFromFile(app.Logger, path);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No master key configured: generated one into {Path} (mode 0600). Production should configure its own in Storage:Encryption, kept apart from the data folder, and back it up: without it the masters cannot be read.")]
    private static partial void LogKeyGenerated(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No master key configured: using the generated key in {Path}. Production should configure its own in Storage:Encryption.")]
    private static partial void LogKeyFromFile(ILogger logger, string path);
}
