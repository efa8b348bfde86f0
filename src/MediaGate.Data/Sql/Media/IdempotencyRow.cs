using MediaGate.Data.Media;

namespace MediaGate.Data.Sql.Media;

/// <summary>A row of <c>idempotency_keys</c> as Dapper reads it.</summary>
internal sealed class IdempotencyRow
{
    public const string Columns =
        "device_id AS DeviceId, idempotency_key AS IdempotencyKey, fingerprint AS Fingerprint, observation_id AS ObservationId, " +
        "response_json AS ResponseJson, created_at AS CreatedAt";

    public string DeviceId { get; set; } = "";

    public string IdempotencyKey { get; set; } = "";

    public string Fingerprint { get; set; } = "";

    public string ObservationId { get; set; } = "";

    public string ResponseJson { get; set; } = "";

    public string CreatedAt { get; set; } = "";

    public IdempotencyRecord ToRecord() => new(DeviceId, IdempotencyKey, Fingerprint, ObservationId, ResponseJson, DbText.ToInstant(CreatedAt));
}
