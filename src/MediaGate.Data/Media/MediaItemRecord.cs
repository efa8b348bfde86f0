using MediaGate.Consent.People;

namespace MediaGate.Data.Media;

/// <summary>One uploaded file of an observation and how far its processing got.</summary>
/// <param name="Id">The media id (lowercase GUID "N"), also the work queue item's id.</param>
/// <param name="ObservationId">The observation it belongs to.</param>
/// <param name="Position">0-based order of the file in the upload.</param>
/// <param name="Sha256">Lowercase hex SHA-256 of the uploaded bytes (the receipt's checksum).</param>
/// <param name="ByteLength">The uploaded file's size.</param>
/// <param name="UploadKey">The master store's key of the metadata-bearing original, deleted once the master is durable.</param>
/// <param name="MasterKey">The master store's key of the metadata-free upright master; null until processed.</param>
/// <param name="Width">The master's width in pixels; null until processed.</param>
/// <param name="Height">The master's height in pixels; null until processed.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="StatusDetail">Why it failed or is held, in words; null when there is nothing to say.</param>
/// <param name="CreatedAt">When it was accepted.</param>
/// <param name="UpdatedAt">When its status last changed.</param>
/// <param name="TaggedChildren">The children tagged on it (the observation's).</param>
public sealed record MediaItemRecord(
    string Id,
    string ObservationId,
    int Position,
    string Sha256,
    long ByteLength,
    string UploadKey,
    string? MasterKey,
    int? Width,
    int? Height,
    MediaStatus Status,
    string? StatusDetail,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<ChildId> TaggedChildren);
