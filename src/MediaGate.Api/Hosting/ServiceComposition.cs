using MediaGate.Api.Endpoints;
using MediaGate.Api.Identity;
using MediaGate.Gate;
using MediaGate.Gate.Hosting;
using MediaGate.Gate.Video;
using MediaGate.Storage.Encryption;
using MediaGate.Storage.Hosting;
using Microsoft.Extensions.Options;

namespace MediaGate.Api.Hosting;

/// <summary>
/// The service's parts, each registered and mapped by its owner's extension method (common brief, DI
/// composition). One line per part so that the whole service can be read here at a glance.
/// </summary>
internal static class ServiceComposition
{
    public static void AddParts(IServiceCollection services, IConfiguration configuration)
    {
        services.AddMediaGateData(configuration);
        services.AddMediaGateStores();
        services.AddSingleton<IValidateOptions<EnvelopeEncryptionOptions>, MasterKeyRequirement>();
        services.AddHostedService<StoresStartup>();
        services.AddMediaGateIdentity(configuration);
        services.AddMediaGateGate(configuration);
        services.AddMediaGateVideo();
        services.AddSingleton<IParentChildren, AccountParentChildren>();
        services.AddSingleton<Gate.Retention.ExportJournal>();
    }

    public static void MapParts(WebApplication app)
    {
        app.MapOperationsEndpoints();
        app.MapSessionEndpoints();
        app.MapTabletEndpoints();
        app.MapParentEndpoints();
        app.MapParentVideoEndpoints();
        app.MapManagerVideoEndpoints();
        app.MapWebsiteVideoEndpoints();
        app.MapTabletVideoEndpoints();
        app.MapWebsiteEndpoints();
        app.MapManagerEndpoints();
    }
}
