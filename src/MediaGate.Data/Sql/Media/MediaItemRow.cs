using MediaGate.Consent.People;
using MediaGate.Data.Media;

namespace MediaGate.Data.Sql.Media;

/// <summary>A row of <c>media_items</c> as Dapper reads and writes it.</summary>
internal sealed class MediaItemRow
{
    public const string Columns =
        "m.id AS Id, m.observation_id AS ObservationId, m.position AS Position, m.sha256 AS Sha256, m.byte_length AS ByteLength, " +
        "m.upload_key AS UploadKey, m.master_key AS MasterKey, m.width AS Width, m.height AS Height, m.status AS Status, " +
        "m.status_detail AS StatusDetail, m.created_at AS CreatedAt, m.updated_at AS UpdatedAt";

    public string Id { get; set; } = "";

    public string ObservationId { get; set; } = "";

    public long Position { get; set; }

    public string Sha256 { get; set; } = "";

    public long ByteLength { get; set; }

    public string UploadKey { get; set; } = "";

    public string? MasterKey { get; set; }

    public long? Width { get; set; }

    public long? Height { get; set; }

    public string Status { get; set; } = "";

    public string? StatusDetail { get; set; }

    public string CreatedAt { get; set; } = "";

    public string UpdatedAt { get; set; } = "";

    public static MediaItemRow From(MediaItemRecord item) => new()
    {
        Id = item.Id,
        ObservationId = item.ObservationId,
        Position = item.Position,
        Sha256 = item.Sha256,
        ByteLength = item.ByteLength,
        UploadKey = item.UploadKey,
        MasterKey = item.MasterKey,
        Width = item.Width,
        Height = item.Height,
        Status = item.Status.Name(),
        StatusDetail = item.StatusDetail,
        CreatedAt = DbText.Instant(item.CreatedAt),
        UpdatedAt = DbText.Instant(item.UpdatedAt),
    };

    public MediaItemRecord ToRecord(IReadOnlyList<ChildId> tagged) => new(
        Id,
        ObservationId,
        checked((int)Position),
        Sha256,
        ByteLength,
        UploadKey,
        MasterKey,
        Width is { } w ? checked((int)w) : null,
        Height is { } h ? checked((int)h) : null,
        MediaStatusNames.Parse(Status),
        StatusDetail,
        DbText.ToInstant(CreatedAt),
        DbText.ToInstant(UpdatedAt),
        tagged);
}
