using MediaGate.Consent.Decisions;
using MediaGate.Consent.Matrix;
using MediaGate.Data;
using MediaGate.Data.Audit;
using MediaGate.Gate.Renditions;
using MediaGate.Storage;
using MediaGate.Storage.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace MediaGate.Gate.Review;

/// <summary>
/// The publicity rendition for the manager to post (README, <c>GET /api/manager/media/{mediaId}/publicity</c>):
/// it exists only while the manager's approval and every shown child's publicity consent stand
/// (<see cref="RenditionPolicy"/>), so there is nothing to download before approval or after a withdrawal. No names in
/// it (product.md). Every download is audited, as an export.
/// </summary>
public sealed class PublicityDownload(
    MediaGateDatabase database, [FromKeyedServices(StorageServiceCollectionExtensions.RenditionStore)] IObjectStore renditions)
{
    /// <summary>Renditions are at most 2048 px JPEGs; anything larger in the store is not served.</summary>
    private const long MaxBytes = 32L * 1024 * 1024;

    /// <summary>The JPEG; null when the item has no publicity rendition (not approved, withdrawn, or no such item).</summary>
    public async Task<byte[]?> ReadAsync(string mediaId, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var rendition = await database.Renditions.FindAsync(mediaId, Purpose.Publicity, Audience.Public.Key, cancellationToken).ConfigureAwait(false);
        if (rendition is null || !ObjectKey.TryParse(rendition.ObjectKey, out var key))
        {
            return null;
        }

        var bytes = await StoredObjects.ReadAllAsync(renditions, key, MaxBytes, cancellationToken).ConfigureAwait(false);
        if (bytes is not null)
        {
            await database.Audit.AppendAsync(new AuditEvent(actor, "export-publicity", mediaId, $"{{\"rendition\":\"{rendition.Id}\"}}"), cancellationToken)
                .ConfigureAwait(false);
        }

        return bytes;
    }
}
