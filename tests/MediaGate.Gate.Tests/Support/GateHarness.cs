using System.Security.Cryptography;
using MediaGate.Consent.Matrix;
using MediaGate.Consent.People;
using MediaGate.Data;
using MediaGate.Gate.Faces;
using MediaGate.Gate.Hosting;
using MediaGate.Gate.Observations;
using MediaGate.Gate.Processing;
using MediaGate.Gate.Uploads;
using MediaGate.Gate.Worker;
using MediaGate.Ingest.Detect;
using MediaGate.Storage;
using MediaGate.Storage.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace MediaGate.Gate.Tests.Support;

/// <summary>
/// The gate as the service composes it (AddMediaGateStores + AddMediaGateGate, the renditions use case included),
/// on a fresh database (a SQLite file, or a schema of its own in the test cluster) and fresh stores (folders, or
/// containers of their own in Azurite), with the real face detector. Each test makes its own.
/// </summary>
internal sealed class GateHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly string _folder;
    private readonly string? _schema;

    private readonly string? _container;

    private GateHarness(ServiceProvider services, MediaGateDatabase database, string folder, string? schema, string? container)
    {
        _services = services;
        Database = database;
        _folder = folder;
        _schema = schema;
        _container = container;
    }

    /// <summary>The folder the folder master store writes to (SqliteFolders only).</summary>
    public string MastersFolder => Path.Combine(_folder, "masters");

    /// <summary>The keys of every object in the master store, listed from underneath the store (folder or blob container).</summary>
    public async Task<IReadOnlyList<string>> MasterKeysAsync()
    {
        if (_container is null)
        {
            return Directory.Exists(MastersFolder)
                ? Directory.EnumerateFiles(MastersFolder, "*", SearchOption.AllDirectories)
                    .Select(f => Path.GetRelativePath(MastersFolder, f).Replace('\\', '/'))
                    .Where(k => !k.Split('/').Any(s => s.StartsWith('.')))
                    .Order(StringComparer.Ordinal).ToArray()
                : [];
        }

        var container = new Azure.Storage.Blobs.BlobContainerClient(GateAssembly.Azurite.ConnectionString, _container + "-m");
        var keys = new List<string>();
        if (!await container.ExistsAsync())
        {
            return keys;
        }

        await foreach (var blob in container.GetBlobsAsync())
        {
            keys.Add(blob.Name);
        }

        return keys.Order(StringComparer.Ordinal).ToArray();
    }

    public MediaGateDatabase Database { get; }

    public IServiceProvider Services => _services;

    public IObjectStore Masters => _services.GetRequiredKeyedService<IObjectStore>(StorageServiceCollectionExtensions.MasterStore);

    public IObjectStore Renditions => _services.GetRequiredKeyedService<IObjectStore>(StorageServiceCollectionExtensions.RenditionStore);

    public AcceptUpload Accept => _services.GetRequiredService<AcceptUpload>();

    public ProcessItem Process => _services.GetRequiredService<ProcessItem>();

    public AssignFaces Assign => _services.GetRequiredService<AssignFaces>();

    public ReadObservation Read => _services.GetRequiredService<ReadObservation>();

    public GateWorker Worker => _services.GetRequiredService<GateWorker>();

    /// <param name="backends">One of <see cref="Backends"/>.</param>
    /// <param name="settings">Extra configuration (e.g. <c>Gate:MaxUploadBytes</c>).</param>
    /// <param name="detector">Another detector than the shared real one (for a failure at the boundary).</param>
    /// <param name="clock">The clock of the database and the gate (a fake one for leases and back-off); the system's by default.</param>
    /// <param name="configure">Changes to the services after the gate's (e.g. a <see cref="FaultyStore"/> around a store).</param>
    public static async Task<GateHarness> CreateAsync(
        string backends, IDictionary<string, string?>? settings = null, IFaceDetector? detector = null, TimeProvider? clock = null, Action<IServiceCollection>? configure = null)
    {
        clock ??= TimeProvider.System;
        var folder = Path.Combine(Path.GetTempPath(), "mediagate-gate-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var config = new Dictionary<string, string?>
        {
            ["Storage:Encryption:CurrentKeyId"] = "test-1",
            ["Storage:Encryption:MasterKeys:0:Id"] = "test-1",
            ["Storage:Encryption:MasterKeys:0:Key"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Gate:PollMilliseconds"] = "100",
            ["Nursery:TimeZone"] = "UTC",
        };
        MediaGateDatabase database;
        string? schema = null;
        string? container = null;
        if (backends == Backends.SqliteFolders)
        {
            config["Storage:Master:Folder:RootPath"] = Path.Combine(folder, "masters");
            config["Storage:Renditions:Folder:RootPath"] = Path.Combine(folder, "renditions");
            database = await MediaGateDatabase.OpenSqliteAsync(Path.Combine(folder, "data"), clock);
        }
        else
        {
            Assert.AreEqual(Backends.PostgresAzurite, backends, "unknown backends");
            container = "t" + Guid.NewGuid().ToString("N")[..20];
            foreach (var (store, suffix) in new[] { ("Master", "-m"), ("Renditions", "-r") })
            {
                config[$"Storage:{store}:Kind"] = "AzureBlob";
                config[$"Storage:{store}:AzureBlob:ConnectionString"] = GateAssembly.Azurite.ConnectionString;
                config[$"Storage:{store}:AzureBlob:ContainerName"] = container + suffix;
            }

            schema = "g_" + Guid.NewGuid().ToString("N");
            await AdminAsync($"CREATE SCHEMA {schema}");
            var connection = new NpgsqlConnectionStringBuilder(GateAssembly.Postgres.ConnectionString) { SearchPath = schema }.ToString();
            database = await MediaGateDatabase.OpenPostgreSqlAsync(connection, clock);
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(config).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton(clock)
            .AddSingleton(database)
            .AddSingleton(detector ?? GateAssembly.Detector);
        services.AddMediaGateStores();
        services.AddMediaGateGate(configuration);
        configure?.Invoke(services);
        return new GateHarness(services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true }), database, folder, schema, container);
    }

    /// <summary>Adds a child with the given consents granted (journal with the group option when asked).</summary>
    public async Task<ChildId> AddChildAsync(string name, params Purpose[] granted) => await AddChildAsync(name, group: false, granted);

    public async Task<ChildId> AddChildAsync(string name, bool group, params Purpose[] granted)
    {
        var id = new ChildId(Guid.NewGuid().ToString("N"));
        await Database.Children.AddAsync(new Child(id, name));
        var now = TimeProvider.System.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        foreach (var purpose in granted)
        {
            await Database.Consents.AppendAsync(new ConsentRecord(id, purpose, true, group, "Parent of " + name, "FORM-" + name,
                today.AddDays(-30), today.AddDays(335), null, now.AddMinutes(-1)));
        }

        return id;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Database.DisposeAsync();
        if (_schema is not null)
        {
            await AdminAsync($"DROP SCHEMA {_schema} CASCADE");
        }

        Directory.Delete(_folder, recursive: true);
    }

    private static async Task AdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(GateAssembly.Postgres.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
