using System.Security.Cryptography;

namespace MediaGate.Testing.Service;

/// <summary>
/// How one <c>mediagate serve</c> process is configured: its data folder and environment (api.md "serve";
/// MEDIAGATE_ variables, <c>Section__Key</c>). Every service gets the YuNet models of ../shared/models and a
/// bootstrap manager, so tests sign in as <see cref="ManagerUsername"/> / <see cref="ManagerPassword"/>.
/// </summary>
internal sealed class ServiceSettings
{
    public const string ManagerUsername = "manager";
    public const string ManagerPassword = "Bootstrap-Manager-Passphrase-7";

    private readonly Dictionary<string, string> _environment = new(StringComparer.Ordinal);

    private ServiceSettings(string name, string workFolder, string dataFolder, string modelsFolder)
    {
        Name = name;
        WorkFolder = workFolder;
        DataFolder = dataFolder;
        _environment["MEDIAGATE_BOOTSTRAP_MANAGER"] = $"{ManagerUsername}:{ManagerPassword}";
        _environment["MEDIAGATE_MODELS_DIR"] = modelsFolder;
        _environment["DOTNET_gcServer"] = "0";
        _environment["ASPNETCORE_ENVIRONMENT"] = "Production";
    }

    /// <summary>Names the log file and the node in failure messages.</summary>
    public string Name { get; }

    /// <summary>Where logs (and, for embedded settings, the data folder) live; the caller deletes it.</summary>
    public string WorkFolder { get; }

    /// <summary>The <c>--data</c> folder.</summary>
    public string DataFolder { get; }

    public IReadOnlyDictionary<string, string> Environment => _environment;

    /// <summary>The embedded default: SQLite and folder stores under the data folder, nothing else configured.</summary>
    public static ServiceSettings Embedded(string workFolder, string name, string modelsFolder) =>
        new(name, workFolder, Path.Combine(workFolder, name + "-data"), modelsFolder);

    /// <summary>
    /// PostgreSQL and Azure Blob (Azurite): one database and two containers that several nodes may share, each
    /// node with its own (otherwise unused) data folder; the same master key on every node, as a deployment must.
    /// </summary>
    public static ServiceSettings Shared(string workFolder, string name, string modelsFolder, SharedBackend backend)
    {
        ArgumentNullException.ThrowIfNull(backend);
        var settings = new ServiceSettings(name, workFolder, Path.Combine(workFolder, name + "-data"), modelsFolder);
        settings
            .With("MEDIAGATE_Database__Provider", "PostgreSql")
            .With("MEDIAGATE_Database__ConnectionString", backend.DatabaseConnectionString)
            .With("MEDIAGATE_Storage__Master__Kind", "AzureBlob")
            .With("MEDIAGATE_Storage__Master__AzureBlob__ConnectionString", backend.BlobConnectionString)
            .With("MEDIAGATE_Storage__Master__AzureBlob__ContainerName", backend.MasterContainer)
            .With("MEDIAGATE_Storage__Renditions__Kind", "AzureBlob")
            .With("MEDIAGATE_Storage__Renditions__AzureBlob__ConnectionString", backend.BlobConnectionString)
            .With("MEDIAGATE_Storage__Renditions__AzureBlob__ContainerName", backend.RenditionContainer)
            .With("MEDIAGATE_Storage__Encryption__CurrentKeyId", "test-key-1")
            .With("MEDIAGATE_Storage__Encryption__MasterKeys__0__Id", "test-key-1")
            .With("MEDIAGATE_Storage__Encryption__MasterKeys__0__Key", backend.MasterKey);
        return settings;
    }

    /// <summary>Adds or replaces one environment variable.</summary>
    public ServiceSettings With(string name, string value)
    {
        _environment[name] = value;
        return this;
    }

    /// <summary>A fresh work folder under the temp folder.</summary>
    public static string NewWorkFolder(string purpose)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"mediagate-svc-{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>32 random bytes in base64, the shape of Storage:Encryption:MasterKeys:N:Key.</summary>
    public static string NewMasterKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
