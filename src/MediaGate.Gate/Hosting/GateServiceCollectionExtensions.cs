using System.ComponentModel.DataAnnotations;
using MediaGate.Gate.Events;
using MediaGate.Gate.Faces;
using MediaGate.Gate.Observations;
using MediaGate.Gate.Processing;
using MediaGate.Gate.Renditions;
using MediaGate.Gate.Tablets;
using MediaGate.Gate.Retention;
using MediaGate.Gate.Uploads;
using MediaGate.Gate.Worker;
using MediaGate.Ingest;
using MediaGate.Ingest.Concurrency;
using MediaGate.Ingest.Detect;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MediaGate.Gate.Hosting;

/// <summary>
/// Registers the use cases (accept an upload, process an item, decide, assign faces, read an observation, and
/// through <see cref="RenditionsServiceCollectionExtensions.AddMediaGateRenditions"/> renditions, consent
/// changes and review), the metrics, the face detector (loaded once) and the background worker. Assumes the host
/// registered <c>MediaGateDatabase</c> (singleton), <see cref="TimeProvider"/> and the keyed stores
/// (<c>AddMediaGateStores</c>). Options, validated at start-up: <c>Gate:*</c> (<see cref="GateOptions"/>),
/// <c>Gate:Retention:*</c> (<see cref="RetentionOptions"/>; runs <see cref="RetentionSweep"/>), <c>Ingest:*</c> (limits, mask, JPEG quality), <c>Ingest:ModelsDir</c> or <c>MEDIAGATE_MODELS_DIR</c> (extra
/// model files) and <c>Ingest:Detector</c> (a model name; default the strongest installed).
/// </summary>
public static class GateServiceCollectionExtensions
{
    public static IServiceCollection AddMediaGateGate(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<GateOptions>().BindConfiguration(GateOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddMediaGateRepositories();
        services.AddMediaGateRenditions();
        // Ingest's limits and mask settings are nested objects, which ValidateDataAnnotations does not walk into.
        services.AddOptions<IngestOptions>()
            .Validate(o => IsValid(o.Limits) && IsValid(o.Mask), "Ingest:Limits or Ingest:Mask has a value out of range")
            .ValidateOnStart();

        services.AddMetrics();
        services.TryAddSingleton<GateMetrics>();
        services.TryAddSingleton<IFaceDetector>(_ => OpenDetector(configuration));
        // One pixel budget per process: processing and renders (AddMediaGateRenditions) draw on the same one.
        services.TryAddSingleton(provider => new PixelBudget(provider.GetRequiredService<IOptions<IngestOptions>>().Value.PixelsInFlight));
        services.TryAddSingleton(provider => new IngestPipeline(provider.GetRequiredService<IFaceDetector>(), provider.GetRequiredService<IOptions<IngestOptions>>().Value));

        services.TryAddSingleton<Children.ChildrenWhoLeft>();
        services.TryAddSingleton<Children.ChildRegister>();
        services.TryAddSingleton<Audit.AuditTrail>();
        services.TryAddSingleton<AcceptUpload>();
        services.TryAddSingleton<DecideItem>();
        services.TryAddSingleton<ProcessItem>();
        services.TryAddSingleton<ReadObservation>();
        services.TryAddSingleton<Parents.FamilyNotes>();
        services.TryAddSingleton<AssignFaces>();
        services.TryAddSingleton<EventRegister>();
        services.TryAddSingleton<TabletPreview>();
        services.TryAddSingleton<Worker.PhotoActivity>();
        services.TryAddSingleton<GateWorker>();
        services.TryAddSingleton<RequeueFailed>();
        services.AddHostedService(provider => provider.GetRequiredService<GateWorker>());

        // Retention (Gate:Retention): abandoned uploads and the schedule after children leave. The parents' export
        // (ExportJournal) and RenditionDownload need the host's IParentChildren, so the host registers them beside that.
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<MarkChildLeft>();
        services.TryAddSingleton<RetentionSweep>();
        services.AddHostedService(provider => provider.GetRequiredService<RetentionSweep>());
        return services;
    }

    /// <summary>Loads the face detector once; a node that cannot detect faces must not start (it could not mask anyone).</summary>
    private static IFaceDetector OpenDetector(IConfiguration configuration)
    {
        string? folder = configuration["Ingest:ModelsDir"] ?? Environment.GetEnvironmentVariable("MEDIAGATE_MODELS_DIR");
        if (folder is { Length: > 0 } && !Directory.Exists(folder))
        {
            throw new InvalidOperationException($"The models folder '{folder}' (Ingest:ModelsDir / MEDIAGATE_MODELS_DIR) does not exist.");
        }

        // Ingest:CpuArena, default true: DetectorOptions.CpuArena says why.
        var options = new DetectorOptions { CpuArena = configuration.GetValue("Ingest:CpuArena", true) };
        var detector = FaceDetectorFactory.Open(folder, configuration["Ingest:Detector"], options);
        return detector.IsSuccess
            ? detector.Value
            : throw new InvalidOperationException("The face detector cannot be loaded: " + detector.Failure.Message);
    }

    private static bool IsValid(object? options) =>
        options is not null && Validator.TryValidateObject(options, new ValidationContext(options), null, validateAllProperties: true);
}
