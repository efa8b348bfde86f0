namespace MediaGate.Gate.Uploads;

/// <summary>The fields and files of one multipart upload, gathered section by section.</summary>
internal sealed class ReceivedForm
{
    /// <summary>Every file section in the order sent (duplicates included: they count for the fingerprint).</summary>
    public List<ReceivedFile> Sent { get; } = [];

    /// <summary>The distinct files that were stored, in the order sent.</summary>
    public List<ReceivedFile> Stored { get; } = [];

    public string? Children { get; set; }

    public string? Note { get; set; }

    public string? CapturedAt { get; set; }

    /// <summary>The event the observation was taken at (README: optional form field <c>eventId</c>).</summary>
    public string? EventId { get; set; }
}
