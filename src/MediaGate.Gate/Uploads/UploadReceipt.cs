namespace MediaGate.Gate.Uploads;

/// <summary>The receipt of an accepted upload (api.md): once the tablet has it, the upload is durable and the tablet may delete its copy.</summary>
/// <param name="ObservationId">The observation made.</param>
/// <param name="Items">One per distinct file, in upload order.</param>
public sealed record UploadReceipt(string ObservationId, IReadOnlyList<UploadReceiptItem> Items);
