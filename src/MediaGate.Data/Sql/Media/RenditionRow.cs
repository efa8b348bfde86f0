using MediaGate.Consent.Matrix;
using MediaGate.Data.Media;

namespace MediaGate.Data.Sql.Media;

/// <summary>A row of <c>renditions</c> as Dapper reads and writes it.</summary>
internal sealed class RenditionRow
{
    public const string Columns =
        "r.id AS Id, r.media_id AS MediaId, r.purpose AS Purpose, r.audience AS Audience, r.object_key AS ObjectKey, " +
        "r.width AS Width, r.height AS Height, r.revision AS Revision, r.created_at AS CreatedAt";

    public string Id { get; set; } = "";

    public string MediaId { get; set; } = "";

    public string Purpose { get; set; } = "";

    public string Audience { get; set; } = "";

    public string ObjectKey { get; set; } = "";

    public long Width { get; set; }

    public long Height { get; set; }

    public long Revision { get; set; }

    public string CreatedAt { get; set; } = "";

    public static RenditionRow From(RenditionRecord rendition) => new()
    {
        Id = rendition.Id,
        MediaId = rendition.MediaId,
        Purpose = rendition.Purpose.Name(),
        Audience = rendition.AudienceKey,
        ObjectKey = rendition.ObjectKey,
        Width = rendition.Width,
        Height = rendition.Height,
        Revision = rendition.Revision,
        CreatedAt = DbText.Instant(rendition.CreatedAt),
    };

    public RenditionRecord ToRecord() => new(
        Id,
        MediaId,
        PurposeNames.TryParse(Purpose, out var purpose) ? purpose : throw new InvalidDataException($"renditions.purpose '{Purpose}' is not a purpose"),
        Audience,
        ObjectKey,
        checked((int)Width),
        checked((int)Height),
        Revision,
        DbText.ToInstant(CreatedAt));
}
