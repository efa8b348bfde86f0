using MediaGate.Data.Retention;

namespace MediaGate.Data.Sql.Retention;

/// <summary>A <c>pending_deletions</c> row as Dapper reads it, and the names its enums are stored under.</summary>
internal sealed class PendingDeletionRow
{
    public const string Columns = "store AS Store, object_key AS ObjectKey, reason AS Reason, due_at AS DueAt";

    public string Store { get; init; } = "";

    public string ObjectKey { get; init; } = "";

    public string Reason { get; init; } = "";

    public string DueAt { get; init; } = "";

    public static string Name(DeletionStore store) => store switch
    {
        DeletionStore.Master => "master",
        DeletionStore.Renditions => "renditions",
        _ => throw new ArgumentOutOfRangeException(nameof(store), store, "Unknown store"),
    };

    public static string Name(DeletionReason reason) => reason switch
    {
        DeletionReason.Upload => "upload",
        DeletionReason.Retention => "retention",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Unknown reason"),
    };

    public PendingDeletion ToRecord() => new(
        Store switch
        {
            "master" => DeletionStore.Master,
            "renditions" => DeletionStore.Renditions,
            _ => throw new InvalidDataException($"Unknown store '{Store}'"),
        },
        ObjectKey,
        Reason switch
        {
            "upload" => DeletionReason.Upload,
            "retention" => DeletionReason.Retention,
            _ => throw new InvalidDataException($"Unknown deletion reason '{Reason}'"),
        },
        DbText.ToInstant(DueAt));
}
