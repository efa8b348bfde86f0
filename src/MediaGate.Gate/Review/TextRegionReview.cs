using System.Text.Json;
using MediaGate.Data;
using MediaGate.Data.Audit;
using MediaGate.Gate.Renditions;
using MediaGate.Data.Media;

namespace MediaGate.Gate.Review;

/// <summary>
/// The manager's answers on text regions (issue 15): a region that names no child (the nursery's own sign, a printed
/// "EXIT") may be un-masked, and masked again. Each answer is audited with the region's box, kept on the region (not on
/// a decision, so consent changes and re-decisions keep it) and followed by a refresh of the item's renditions.
/// </summary>
public sealed class TextRegionReview(IMediaRepository mediaRecords, IAuditLog auditLog, ITextRegionRepository textRegions, IRenditionRefresher renditions, TimeProvider time)
{
    /// <summary>The item's text regions; null for an unknown item.</summary>
    public async Task<TextRegionsView?> ViewAsync(string mediaId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mediaId);
        if (await mediaRecords.FindItemAsync(mediaId, cancellationToken).ConfigureAwait(false) is null)
        {
            return null;
        }

        var scan = await textRegions.ScanOfAsync(mediaId, cancellationToken).ConfigureAwait(false);
        var regions = await textRegions.OfMediaAsync(mediaId, cancellationToken).ConfigureAwait(false);
        return new TextRegionsView(
            mediaId,
            scan is not null,
            scan?.Model,
            regions.Select(r => new TextRegionView(r.Number, r.X, r.Y, r.Width, r.Height, r.Score, r.Masked, r.UnmaskedBy, r.UnmaskedAt)).ToArray(),
            TextInRenditions.Sentence(regions));
    }

    /// <summary>Masks (<paramref name="masked"/> true) or un-masks one region; null for an unknown item or region.</summary>
    public async Task<TextRegionsView?> SetMaskedAsync(string mediaId, int number, bool masked, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mediaId);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var region = (await textRegions.OfMediaAsync(mediaId, cancellationToken).ConfigureAwait(false)).FirstOrDefault(r => r.Number == number);
        if (region is null)
        {
            return null;
        }

        if (region.Masked != masked)
        {
            var now = time.GetUtcNow();
            if (!await textRegions.SetUnmaskedAsync(mediaId, number, masked ? null : actor, masked ? null : now, cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            var detail = JsonSerializer.Serialize(new { region = number, x = Math.Round(region.X), y = Math.Round(region.Y), w = Math.Round(region.Width), h = Math.Round(region.Height), score = Math.Round(region.Score, 3) });
            await auditLog.AppendAsync(new AuditEvent(actor, masked ? "text-mask" : "text-unmask", mediaId, detail), CancellationToken.None).ConfigureAwait(false);
            await renditions.RefreshAsync(mediaId, cancellationToken).ConfigureAwait(false);
        }

        return await ViewAsync(mediaId, cancellationToken).ConfigureAwait(false);
    }
}
