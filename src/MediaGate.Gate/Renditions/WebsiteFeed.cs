using MediaGate.Consent.Decisions;
using MediaGate.Consent.Matrix;
using MediaGate.Data.Media;

namespace MediaGate.Gate.Renditions;

/// <summary>
/// The nursery website's feed (api.md, Website): the website renditions that exist now, newest first. They exist only
/// while the manager's approval and every shown child's website consent stand (<see cref="RenditionPolicy"/>), and the
/// feed names them by their own random ids, never a media id or a child. The photos themselves leave through
/// <see cref="RenditionDownload.ForWebsiteAsync"/>.
/// </summary>
public sealed class WebsiteFeed(IRenditionRepository renditions)
{
    public Task<IReadOnlyList<RenditionRecord>> PhotosAsync(CancellationToken cancellationToken = default) =>
        renditions.ForAudienceAsync(Purpose.Website, Audience.Public.Key, cancellationToken);
}
