namespace MediaGate.Data.Media;

/// <summary>A short-lived playback link for one rendition and one parent; only the token's hash is stored.</summary>
/// <param name="TokenHash">Lowercase hex SHA-256 of the token.</param>
/// <param name="RenditionId">The one rendition it plays.</param>
/// <param name="MediaId">The item.</param>
/// <param name="AccountId">The parent it was made for.</param>
/// <param name="ExpiresAt">After this it plays nothing.</param>
public sealed record VideoLinkRecord(string TokenHash, string RenditionId, string MediaId, string AccountId, DateTimeOffset ExpiresAt);
