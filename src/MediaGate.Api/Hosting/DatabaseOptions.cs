using System.ComponentModel.DataAnnotations;

namespace MediaGate.Api.Hosting;

/// <summary>
/// The <c>Database</c> section (validated at start-up). Environment: <c>MEDIAGATE_Database__Provider=PostgreSql</c>,
/// <c>MEDIAGATE_Database__ConnectionString="Host=...;Database=...;Username=...;Password=..."</c>.
/// </summary>
public sealed class DatabaseOptions : IValidatableObject
{
    public const string Section = "Database";

    /// <summary>Sqlite (default: <c>&lt;data&gt;/mediagate.db</c>) or PostgreSql.</summary>
    [EnumDataType(typeof(DatabaseProvider))]
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>PostgreSql only (required there, secret: never logged): an Npgsql connection string.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Sqlite only: the folder that holds <c>mediagate.db</c>; default the <c>--data</c> folder.</summary>
    public string? SqliteDirectory { get; set; }

    /// <summary>
    /// Sqlite only: <c>/health/ready</c> reports the database not ready when its file system has fewer bytes free than this
    /// (default 256 MiB, as the folder stores), so a load balancer stops sending uploads before SQLite's writes fail.
    /// </summary>
    [Range(0, long.MaxValue)]
    public long MinFreeBytes { get; set; } = 256L * 1024 * 1024;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == DatabaseProvider.PostgreSql && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult(
                "Database:Provider is PostgreSql but Database:ConnectionString is empty (set MEDIAGATE_Database__ConnectionString).",
                [nameof(ConnectionString)]);
        }

        if (Provider == DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(SqliteDirectory))
        {
            yield return new ValidationResult("Database:SqliteDirectory is empty.", [nameof(SqliteDirectory)]);
        }
    }

    /// <summary>Never prints the connection string.</summary>
    public override string ToString() => $"Database {Provider}";
}
