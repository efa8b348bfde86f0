namespace MediaGate.Gate.Observations;

/// <summary>An observation as the tablet sees it (api.md, <c>GET /api/tablet/observations/{id}</c>).</summary>
/// <param name="ObservationId">The observation.</param>
/// <param name="CapturedAt">When it was taken.</param>
/// <param name="Note">Staff's note.</param>
/// <param name="Children">The tagged children's ids.</param>
/// <param name="Items">Per item: status and faces.</param>
/// <param name="UploadedAt">When the service accepted it (README, the tablet's list of recent observations).</param>
/// <param name="EventId">The event it was taken at, or null.</param>
public sealed record ObservationView(
    string ObservationId, DateTimeOffset CapturedAt, string? Note, IReadOnlyList<string> Children, IReadOnlyList<MediaItemView> Items,
    DateTimeOffset UploadedAt, string? EventId);
