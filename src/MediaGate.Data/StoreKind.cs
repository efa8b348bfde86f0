namespace MediaGate.Data;

/// <summary>Which database holds the data.</summary>
public enum StoreKind
{
    /// <summary>One file under the data folder: the embedded default.</summary>
    Sqlite,

    /// <summary>A shared server, for several API and worker nodes.</summary>
    PostgreSql,
}
