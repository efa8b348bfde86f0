namespace MediaGate.Api.Hosting;

/// <summary>Which database the service keeps its data in (<c>Database:Provider</c>).</summary>
public enum DatabaseProvider
{
    /// <summary>The embedded default: <c>&lt;data&gt;/mediagate.db</c>, one node.</summary>
    Sqlite,

    /// <summary>A shared PostgreSQL server: several nodes share the data and the work queue.</summary>
    PostgreSql,
}
