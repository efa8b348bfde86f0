using MediaGate.Data;
using MediaGate.Storage.Hosting;

namespace MediaGate.Api.Hosting;

/// <summary>
/// Where an embedded deployment keeps what a backup must hold, read from the configuration <c>serve</c> would use
/// (defaults, <c>mediagate.json</c>, <c>MEDIAGATE_</c> variables): the SQLite database, the two folder stores and,
/// unless the master key is configured, <c>master.key</c>. PostgreSQL and Azure Blob Storage have their own backups
/// (README, "Backing up and restoring"), so a layout that names them is refused with that answer.
/// </summary>
internal sealed record DataFolderLayout(string DataFolder, string DatabaseFile, string MasterRoot, string RenditionRoot, string? MasterKeyFile)
{
    public static DataFolderLayout Resolve(string dataFolder, string workingDirectory)
    {
        var configuration = new ConfigurationManager();
        ServiceConfiguration.Apply(configuration, new ServeSettings(dataFolder), workingDirectory);
        if (!string.Equals(configuration[$"{DatabaseOptions.Section}:{nameof(DatabaseOptions.Provider)}"], nameof(DatabaseProvider.Sqlite), StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException("the database is not the embedded SQLite one: back up PostgreSQL with pg_dump (README, \"Backing up and restoring\")");
        }

        foreach (var store in new[] { "Master", "Renditions" })
        {
            if (!string.Equals(configuration[$"Storage:{store}:Kind"], nameof(ObjectStoreKind.Folder), StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"the {store.ToLowerInvariant()} store is not a folder: back up Azure Blob Storage with the storage account's own backup (README, \"Backing up and restoring\")");
            }
        }

        string database = Path.Combine(configuration[$"{DatabaseOptions.Section}:{nameof(DatabaseOptions.SqliteDirectory)}"] ?? dataFolder, MediaGateDatabase.SqliteFileName);
        bool keyConfigured = configuration.GetSection("Storage:Encryption:MasterKeys").GetChildren().Any();
        return new DataFolderLayout(
            Path.GetFullPath(dataFolder),
            Path.GetFullPath(database),
            Path.GetFullPath(configuration["Storage:Master:Folder:RootPath"]!),
            Path.GetFullPath(configuration["Storage:Renditions:Folder:RootPath"]!),
            keyConfigured ? null : Path.GetFullPath(Path.Combine(dataFolder, Hosting.MasterKeyFile.FileName)));
    }
}
