using MediaGate.Storage.Hosting;

namespace MediaGate.Api.Hosting;

/// <summary>
/// The service's configuration sources, lowest priority first: built-in defaults (no appsettings files),
/// an optional <c>mediagate.json</c> in the working folder, environment variables prefixed <c>MEDIAGATE_</c>
/// (<c>MEDIAGATE_Section__Key</c>), then the command line's <see cref="ServeSettings"/>.
/// </summary>
internal static class ServiceConfiguration
{
    public const string ConfigurationFileName = "mediagate.json";
    public const string EnvironmentPrefix = "MEDIAGATE_";

    public static void Apply(ConfigurationManager configuration, ServeSettings settings, string workingDirectory)
    {
        configuration.Sources.Clear();
        configuration.AddInMemoryCollection(Defaults(settings.DataDirectory));
        configuration.AddJsonFile(Path.Combine(workingDirectory, ConfigurationFileName), optional: true, reloadOnChange: false);
        configuration.AddEnvironmentVariables(EnvironmentPrefix);
        // The prefix is stripped from the others; the first-manager variable keeps its full documented name
        // (api.md: MEDIAGATE_BOOTSTRAP_MANAGER), which is how IdentityBootstrap reads it.
        if (Environment.GetEnvironmentVariable(IdentityBootstrap.Variable) is { Length: > 0 } bootstrap)
        {
            configuration.AddInMemoryCollection([new(IdentityBootstrap.Variable, bootstrap)]);
        }
        if (settings.Urls is not null)
        {
            configuration.AddInMemoryCollection([new("Urls", settings.Urls)]);
        }

        configuration.AddInMemoryCollection(settings.Overrides);
    }

    /// <summary>The embedded deployment: SQLite and folder stores under the data folder; JSON logs.</summary>
    private static Dictionary<string, string?> Defaults(string dataDirectory) => new()
    {
        ["Urls"] = ServeSettings.DefaultUrls,
        [$"{DatabaseOptions.Section}:{nameof(DatabaseOptions.Provider)}"] = nameof(DatabaseProvider.Sqlite),
        [$"{DatabaseOptions.Section}:{nameof(DatabaseOptions.SqliteDirectory)}"] = dataDirectory,
        ["Storage:Master:Kind"] = nameof(ObjectStoreKind.Folder),
        ["Storage:Master:Folder:RootPath"] = Path.Combine(dataDirectory, "masters"),
        ["Storage:Renditions:Kind"] = nameof(ObjectStoreKind.Folder),
        ["Storage:Renditions:Folder:RootPath"] = Path.Combine(dataDirectory, "renditions"),
        // Decrypted clips being processed stay inside the data folder (private, swept at start), never in /tmp.
        ["Video:WorkFolder"] = Path.Combine(dataDirectory, "video-work"),
        // One pixel budget for processing and renders (PixelBudget): one 12 MP photo processed while one 12 MP
        // master renders (or one render of two renditions alone). The CLI's 50 M runs two photos at once.
        ["Ingest:PixelsInFlight"] = "24000000",
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
    };
}
