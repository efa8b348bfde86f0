using MediaGate.Storage;
using MediaGate.Storage.Hosting;

namespace MediaGate.Api.Hosting;

/// <summary>
/// Opens both object stores when the host starts (the folder store creates its root; a bad store
/// configuration throws here), so that a store that cannot be opened stops the start, not a request.
/// </summary>
internal sealed class StoresStartup(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredKeyedService<IObjectStore>(StorageServiceCollectionExtensions.MasterStore);
        services.GetRequiredKeyedService<IObjectStore>(StorageServiceCollectionExtensions.RenditionStore);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
