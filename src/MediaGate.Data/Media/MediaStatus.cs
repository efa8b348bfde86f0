namespace MediaGate.Data.Media;

/// <summary>Where a media item stands, as the tablet sees it (api.md, <c>GET /api/tablet/observations/{id}</c>).</summary>
public enum MediaStatus
{
    /// <summary>Accepted and durable; the worker has not decided it yet.</summary>
    Processing,

    /// <summary>Decided, but a face nobody has accounted for holds it: staff or the manager must say whose it is.</summary>
    NeedsAssignment,

    /// <summary>Released for the journal to the parents of every tagged child.</summary>
    Released,

    /// <summary>Waiting for the manager's review.</summary>
    Held,

    /// <summary>Never released.</summary>
    Blocked,

    /// <summary>Processing failed (an unreadable file, a step that kept failing); never released.</summary>
    Failed,

    /// <summary>Deleted on the retention schedule: masters and renditions gone, the row kept as a tombstone. Final.</summary>
    Deleted,
}
