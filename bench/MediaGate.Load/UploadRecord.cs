namespace MediaGate.Load;

/// <summary>One upload of the run: when it was sent, acknowledged and first seen by the child's parent.</summary>
internal sealed class UploadRecord
{
    public required int Tablet { get; init; }

    public required TimeSpan Sent { get; init; }

    public TimeSpan? Acknowledged { get; set; }

    public TimeSpan? Visible { get; set; }

    /// <summary>When the tablet first saw it decided (any status but processing), or the parent saw it.</summary>
    public TimeSpan? Decided { get; set; }

    public string? ObservationId { get; set; }

    public string? MediaId { get; set; }

    public string? Error { get; set; }

    public string? Status { get; set; }
}
