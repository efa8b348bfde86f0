namespace MediaGate.Data.Media;

/// <summary>The statuses as the API and the database spell them (api.md: processing, needs-assignment, released, held, blocked, failed, deleted).</summary>
public static class MediaStatusNames
{
    public static string Name(this MediaStatus status) => status switch
    {
        MediaStatus.Processing => "processing",
        MediaStatus.NeedsAssignment => "needs-assignment",
        MediaStatus.Released => "released",
        MediaStatus.Held => "held",
        MediaStatus.Blocked => "blocked",
        MediaStatus.Failed => "failed",
        MediaStatus.Deleted => "deleted",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown media status"),
    };

    public static MediaStatus Parse(string name) => name switch
    {
        "processing" => MediaStatus.Processing,
        "needs-assignment" => MediaStatus.NeedsAssignment,
        "released" => MediaStatus.Released,
        "held" => MediaStatus.Held,
        "blocked" => MediaStatus.Blocked,
        "failed" => MediaStatus.Failed,
        "deleted" => MediaStatus.Deleted,
        _ => throw new InvalidDataException($"Unknown media status '{name}'"),
    };
}
