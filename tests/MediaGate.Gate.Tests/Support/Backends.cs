namespace MediaGate.Gate.Tests.Support;

/// <summary>The database and store combinations the use cases are tested on (data rows name them).</summary>
internal static class Backends
{
    /// <summary>Embedded SQLite and folder stores: the single-node default.</summary>
    public const string SqliteFolders = "SqliteFolders";

    /// <summary>PostgreSQL and Azure Blob (Azurite): the multi-node deployment.</summary>
    public const string PostgresAzurite = "PostgresAzurite";
}
