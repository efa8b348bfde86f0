namespace MediaGate.Data.Migrations;

/// <summary>One schema version: statements run in order in one transaction, per engine where they differ.</summary>
/// <param name="Version">Applied in ascending order, each exactly once (recorded in schema_migrations).</param>
/// <param name="Name">What it does.</param>
/// <param name="Sqlite">The statements for SQLite.</param>
/// <param name="PostgreSql">The statements for PostgreSQL.</param>
internal sealed record Migration(int Version, string Name, IReadOnlyList<string> Sqlite, IReadOnlyList<string> PostgreSql)
{
    /// <summary>A migration written in the SQL both engines accept.</summary>
    public static Migration Portable(int version, string name, params string[] statements) => new(version, name, statements, statements);

    public IReadOnlyList<string> For(StoreKind kind) => kind == StoreKind.Sqlite ? Sqlite : PostgreSql;
}
