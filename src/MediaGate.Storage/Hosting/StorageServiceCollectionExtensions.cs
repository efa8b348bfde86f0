using MediaGate.Storage.AzureBlob;
using MediaGate.Storage.Encryption;
using MediaGate.Storage.Folder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MediaGate.Storage.Hosting;

/// <summary>
/// Registers the two stores as keyed singletons: <see cref="MasterStore"/> (always wrapped in
/// <see cref="EncryptedObjectStore"/>, so nothing unencrypted reaches it) and <see cref="RenditionStore"/>.
/// Configuration (section <c>Storage</c> by default):
/// <code>
/// Storage:Master:Kind = Folder | AzureBlob          Storage:Master:Folder:RootPath, Storage:Master:AzureBlob:ConnectionString, :ContainerName, :Resilience:…
/// Storage:Renditions:Kind = Folder | AzureBlob      (same shape)
/// Storage:Encryption:CurrentKeyId, Storage:Encryption:MasterKeys:0:Id, :0:Key (base64, 32 bytes), :ChunkSize
/// </code>
/// Every option is validated with its DataAnnotations when the host starts (ValidateOnStart).
/// </summary>
public static class StorageServiceCollectionExtensions
{
    public const string MasterStore = "master";
    public const string RenditionStore = "renditions";

    public static IServiceCollection AddMediaGateStores(this IServiceCollection services, string sectionPath = "Storage")
    {
        services.AddOptions<ObjectStoreOptions>(MasterStore).BindConfiguration($"{sectionPath}:Master").ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ObjectStoreOptions>(RenditionStore).BindConfiguration($"{sectionPath}:Renditions").ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<EnvelopeEncryptionOptions>().BindConfiguration($"{sectionPath}:Encryption").ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddKeyedSingleton<IObjectStore>(MasterStore, (provider, _) =>
            new EncryptedObjectStore(Create(provider, MasterStore), provider.GetRequiredService<IOptions<EnvelopeEncryptionOptions>>().Value));
        services.AddKeyedSingleton<IObjectStore>(RenditionStore, (provider, _) => Create(provider, RenditionStore));
        services.AddSingleton(provider => new SecretSealer(provider.GetRequiredService<IOptions<EnvelopeEncryptionOptions>>().Value));
        return services;
    }

    private static IObjectStore Create(IServiceProvider provider, string name)
    {
        var options = provider.GetRequiredService<IOptionsMonitor<ObjectStoreOptions>>().Get(name);
        var loggers = provider.GetService<ILoggerFactory>();
        return options.Kind == ObjectStoreKind.AzureBlob
            ? new AzureBlobObjectStore(options.AzureBlob, loggers?.CreateLogger<AzureBlobObjectStore>(), provider.GetRequiredService<TimeProvider>())
            : FolderObjectStore.Open(options.Folder, loggers?.CreateLogger<FolderObjectStore>());
    }
}
