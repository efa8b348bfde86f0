namespace MediaGate.Gate.Uploads;

/// <summary>One stored file of an upload.</summary>
/// <param name="MediaId">The item's id, for <c>GET /api/tablet/observations/{id}</c> and face assignment.</param>
/// <param name="Sha256">Lowercase hex SHA-256 of the bytes received, for the tablet to compare with its copy.</param>
/// <param name="Receipt">What was stored and when: <c>stored:&lt;sha256&gt;@&lt;UTC time&gt;</c>.</param>
public sealed record UploadReceiptItem(string MediaId, string Sha256, string Receipt);
