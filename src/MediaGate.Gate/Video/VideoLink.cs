namespace MediaGate.Gate.Video;

/// <summary>A parent's short-lived playback link (api.md: <c>POST /api/parent/media/{mediaId}/video/link</c>).</summary>
/// <param name="Url">Relative URL that plays the one rendition without the bearer header.</param>
/// <param name="ExpiresAt">After this it plays nothing.</param>
public sealed record VideoLink(string Url, DateTimeOffset ExpiresAt);
