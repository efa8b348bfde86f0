using MediaGate.Consent.Matrix;

namespace MediaGate.Data.Media;

/// <summary>A masked JPEG in the rendition store for one media item, purpose and audience.</summary>
/// <param name="Id">Random, unguessable (lowercase GUID "N"); the website's photo id, never the media id.</param>
/// <param name="MediaId">The item.</param>
/// <param name="Purpose">journal, website, publicity or events.</param>
/// <param name="AudienceKey">The consent engine's <c>Audience.Key</c> (e.g. <c>parent:&lt;childId&gt;</c>, <c>public</c>).</param>
/// <param name="ObjectKey">The rendition store's key (random, no names).</param>
/// <param name="Width">Pixels.</param>
/// <param name="Height">Pixels.</param>
/// <param name="Revision">1 for the first rendition of this item, purpose and audience; +1 each time it is re-made.</param>
/// <param name="CreatedAt">When this revision was made.</param>
public sealed record RenditionRecord(
    string Id,
    string MediaId,
    Purpose Purpose,
    string AudienceKey,
    string ObjectKey,
    int Width,
    int Height,
    long Revision,
    DateTimeOffset CreatedAt);
