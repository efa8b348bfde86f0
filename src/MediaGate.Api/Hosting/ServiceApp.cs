using MediaGate.Api.Endpoints;
using MediaGate.Api.Web;
using MediaGate.Gate;
using MediaGate.Storage;
using MediaGate.Storage.Hosting;
using Microsoft.AspNetCore.Http.Json;
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
