using MediaGate.Gate.Consents;
using MediaGate.Gate.Hosting;
using MediaGate.Gate.Review;
using MediaGate.Ingest;
using MediaGate.Ingest.Concurrency;
using MediaGate.Ingest.Render;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MediaGate.Gate.Renditions;

/// <summary>
/// Registers the renditions, consent-change and review use cases. Assumes the host registered the database
/// (its repositories: <see cref="RepositoryServiceCollectionExtensions"/>), TimeProvider and the keyed stores. Options: <c>Renditions:*</c> (<see cref="RenditionOptions"/>),
/// <c>Nursery:TimeZone</c> (<see cref="SettingClockOptions"/>), <c>Consents:SweepMinutes</c>
/// (<see cref="LapseSweepOptions"/>), <c>Ingest:*</c> (limits and mask margin), all validated at start-up. Also
/// runs <see cref="ConsentLapseSweep"/> as a hosted service.
/// </summary>
public static class RenditionsServiceCollectionExtensions
{
    public static IServiceCollection AddMediaGateRenditions(this IServiceCollection services)
    {
        services.AddOptions<RenditionOptions>().BindConfiguration("Renditions").ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SettingClockOptions>().BindConfiguration(SettingClockOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<IngestOptions>().BindConfiguration("Ingest").ValidateDataAnnotations().ValidateOnStart();
        // One pixel budget per process, shared with processing (AddMediaGateGate registers the same one).
        services.TryAddSingleton(provider => new PixelBudget(provider.GetRequiredService<IOptions<IngestOptions>>().Value.PixelsInFlight));
        services.AddMediaGateRepositories();
        // The text detector for website and publicity renditions (issue 15), from the installed models and Ingest:ModelsDir.
        services.TryAddSingleton(provider => TextRegionScanner.Installed(
            provider.GetService<Microsoft.Extensions.Configuration.IConfiguration>()?["Ingest:ModelsDir"]));
        services.AddSingleton<RenditionService>();
        services.TryAddSingleton<WebsiteFeed>();
        services.AddSingleton<IRenditionRefresher>(provider => provider.GetRequiredService<RenditionService>());
        services.TryAddSingleton<ItemStatuses>();
        services.TryAddSingleton<ItemRedecider>();
        services.AddSingleton<ChangeConsent>();
        services.TryAddSingleton<ConsentMatrixQuery>();
        services.TryAddSingleton<ConsentCellChange>();
        services.TryAddSingleton<ConsentCsv>();
        services.TryAddSingleton<ConsentChangePreview>();
        services.AddSingleton<ReviewItem>();
        services.AddSingleton<FaceSpotChecks>();
        services.TryAddSingleton<TextRegionReview>();
        services.AddSingleton<Dashboard.ManagerDashboard>();
        services.AddOptions<LapseSweepOptions>().BindConfiguration(LapseSweepOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ConsentLapseSweep>();
        services.AddHostedService(provider => provider.GetRequiredService<ConsentLapseSweep>());
        return services;
    }
}
