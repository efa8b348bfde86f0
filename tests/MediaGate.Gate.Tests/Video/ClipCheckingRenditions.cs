using System.Collections.Concurrent;
using MediaGate.Consent.Matrix;
using MediaGate.Data.Media;
using MediaGate.Storage;

namespace MediaGate.Gate.Tests.Video;

/// <summary>
/// The real rendition rows, looked at whenever one appears or goes: a video's rendition row is what lists the clip for a
/// family, so at that moment its clip must be recorded and stored (saved after the clip, deleted before it).
/// </summary>
internal sealed class ClipCheckingRenditions(IRenditionRepository inner, IVideoRepository videos, IObjectStore renditionStore) : IRenditionRepository
{
    private int _checks;

    /// <summary>Every moment a rendition row appeared or went while its clip was not there.</summary>
    public ConcurrentQueue<string> Problems { get; } = new();

    /// <summary>How many times a row appeared or went.</summary>
    public int Checks => Volatile.Read(ref _checks);

    public async Task<RenditionRecord?> SaveAsync(RenditionRecord rendition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rendition);
        await CheckAsync(rendition.Id, "saved", cancellationToken);
        return await inner.SaveAsync(rendition, cancellationToken);
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        await CheckAsync(id, "deleted", cancellationToken);
        return await inner.DeleteAsync(id, cancellationToken);
    }

    public Task<RenditionRecord?> FindAsync(string mediaId, Purpose purpose, string audienceKey, CancellationToken cancellationToken = default) =>
        inner.FindAsync(mediaId, purpose, audienceKey, cancellationToken);

    public Task<RenditionRecord?> FindByIdAsync(string id, CancellationToken cancellationToken = default) => inner.FindByIdAsync(id, cancellationToken);

    public Task<IReadOnlyList<RenditionRecord>> OfMediaAsync(string mediaId, CancellationToken cancellationToken = default) =>
        inner.OfMediaAsync(mediaId, cancellationToken);

    public Task<IReadOnlyList<RenditionRecord>> ForAudienceAsync(Purpose purpose, string audienceKey, CancellationToken cancellationToken = default) =>
        inner.ForAudienceAsync(purpose, audienceKey, cancellationToken);

    private async Task CheckAsync(string renditionId, string when, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _checks);
        var clip = await videos.FindRenditionAsync(renditionId, cancellationToken);
        if (clip is null)
        {
            Problems.Enqueue($"rendition {renditionId} {when} while it had no clip row");
        }
        else if (!await renditionStore.ExistsAsync(ObjectKey.Parse(clip.VideoKey), cancellationToken))
        {
            Problems.Enqueue($"rendition {renditionId} {when} while its clip {clip.VideoKey} was not stored");
        }
    }
}
