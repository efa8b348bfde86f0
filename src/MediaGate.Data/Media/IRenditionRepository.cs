using MediaGate.Consent.Matrix;

namespace MediaGate.Data.Media;

/// <summary>The renditions that exist, one per media item, purpose and audience (issue 7, section 5).</summary>
public interface IRenditionRepository
{
    /// <summary>Stores the rendition, replacing the one for the same item, purpose and audience; the replaced one comes back (its object is the caller's to delete).</summary>
    Task<RenditionRecord?> SaveAsync(RenditionRecord rendition, CancellationToken cancellationToken = default);

    Task<RenditionRecord?> FindAsync(string mediaId, Purpose purpose, string audienceKey, CancellationToken cancellationToken = default);

    Task<RenditionRecord?> FindByIdAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Every rendition of the item.</summary>
    Task<IReadOnlyList<RenditionRecord>> OfMediaAsync(string mediaId, CancellationToken cancellationToken = default);

    /// <summary>The renditions for one purpose and audience, newest first (the website feed: website + <c>public</c>).</summary>
    Task<IReadOnlyList<RenditionRecord>> ForAudienceAsync(Purpose purpose, string audienceKey, CancellationToken cancellationToken = default);

    /// <summary>Deletes the row; true when there was one.</summary>
    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default);
}
