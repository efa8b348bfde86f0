namespace MediaGate.Api.Hosting;

/// <summary>What <c>mediagate serve</c> was given on its command line (api.md, Command line).</summary>
/// <param name="DataDirectory">The data folder (absolute): SQLite database, folder stores and the generated master key live here by default.</param>
/// <param name="Urls">Where Kestrel listens (<c>--urls</c>, semicolon-separated); null for the configured <c>Urls</c> or <see cref="DefaultUrls"/>.</param>
public sealed record ServeSettings(string DataDirectory, string? Urls = null)
{
    /// <summary>Where the service listens when neither <c>--urls</c> nor <c>MEDIAGATE_Urls</c> says otherwise.</summary>
    public const string DefaultUrls = "http://localhost:5000";

    /// <summary>
    /// Settings applied after every other source (tests use them instead of environment variables, which
    /// are shared by every test in the process).
    /// </summary>
    public IReadOnlyDictionary<string, string?> Overrides { get; init; } = new Dictionary<string, string?>();
}
