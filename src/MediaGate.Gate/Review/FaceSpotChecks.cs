using System.Text.Json;
using MediaGate.Data;
using MediaGate.Data.Audit;
using MediaGate.Gate.Renditions;
using MediaGate.Ingest;
using MediaGate.Ingest.Concurrency;
using MediaGate.Ingest.Decode;
using MediaGate.Ingest.Encode;
using MediaGate.Storage;
using MediaGate.Storage.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MediaGate.Gate.Review;

/// <summary>
/// The manager's spot checks of dismissals (issue 12, section 2: "the manager's console lists dismissals of certain
/// detections, with the crop"): the list, and a crop of the master around any face. A crop is as unmasked as the master,
/// so it is the manager's only and every look is audited, as a look at the master is.
/// </summary>
public sealed class FaceSpotChecks(
    MediaGateDatabase database,
    [FromKeyedServices(StorageServiceCollectionExtensions.MasterStore)] IObjectStore masters,
    IOptions<IngestOptions> ingest,
    PixelBudget pixels)
{
    /// <summary>How far the crop reaches beyond the face's box on every side, as a share of the box (context for a person to judge).</summary>
    private const double Margin = 0.5;

    /// <summary>The longest side of a crop: a face needs no more to be judged, and a bigger one shows more of the photo than the spot check needs.</summary>
    private const int MaxSide = 512;

    /// <summary>Certain detections dismissed as not a face, most recent first, at most <paramref name="limit"/> (1 to 500).</summary>
    public async Task<IReadOnlyList<DismissedFace>> DismissalsAsync(int limit, CancellationToken cancellationToken = default)
    {
        var faces = await database.ReviewLists.DismissedCertainFacesAsync(Math.Clamp(limit, 1, 500), cancellationToken).ConfigureAwait(false);
        return faces.Select(f => new DismissedFace(f.MediaId, f.FaceId, f.Number, f.Score, f.Box.X, f.Box.Y, f.Box.Width, f.Box.Height, f.AssignedBy, f.AssignedAt))
            .ToArray();
    }

    /// <summary>A JPEG of the master around the face (at most <see cref="MaxSide"/> px); null when the item or face is unknown or has no master. Audited.</summary>
    public async Task<byte[]?> CropAsync(string mediaId, string faceId, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var face = await database.ReviewLists.FindFaceAsync(mediaId, faceId, cancellationToken).ConfigureAwait(false);
        var item = face is null ? null : await database.Media.FindItemAsync(mediaId, cancellationToken).ConfigureAwait(false);
        var picture = item is null ? null : await Video.FacePicture.KeyAsync(database, item, face!.Number, cancellationToken).ConfigureAwait(false);
        if (face is null || item is null || picture is null || !ObjectKey.TryParse(picture, out var key))
        {
            return null;
        }

        var bytes = await StoredObjects.ReadAllAsync(masters, key, ingest.Value.Limits.MaxBytes, cancellationToken).ConfigureAwait(false);
        if (bytes is null)
        {
            return null;
        }

        byte[] jpeg;
        // The master is decoded whole: its pixels come out of the process's one budget, as a rendition's do.
        using (await pixels.AcquireAsync(Math.Max(1L, (long)(item.Width ?? 1) * (item.Height ?? 1)), cancellationToken).ConfigureAwait(false))
        {
            var read = PhotoReader.ReadUpright(bytes, ingest.Value.Limits);
            if (!read.IsSuccess)
            {
                return null;
            }

            var encoded = JpegEncoder.Encode(Crop(read.Value.Image, face.Box.X, face.Box.Y, face.Box.Width, face.Box.Height));
            if (!encoded.IsSuccess)
            {
                return null;
            }

            jpeg = encoded.Value;
        }

        await database.Audit.AppendAsync(new AuditEvent(actor, "view-face-crop", mediaId, JsonSerializer.Serialize(new { faceId, number = face.Number })), cancellationToken)
            .ConfigureAwait(false);
        return jpeg;
    }

    /// <summary>The face's box enlarged by <see cref="Margin"/>, clipped to the image, reduced to at most <see cref="MaxSide"/> px (nearest pixel).</summary>
    internal static RgbImage Crop(RgbImage image, float x, float y, float width, float height)
    {
        ArgumentNullException.ThrowIfNull(image);
        int left = Math.Clamp((int)Math.Floor(x - (width * Margin)), 0, image.Width - 1);
        int top = Math.Clamp((int)Math.Floor(y - (height * Margin)), 0, image.Height - 1);
        int right = Math.Clamp((int)Math.Ceiling(x + (width * (1 + Margin))), left + 1, image.Width);
        int bottom = Math.Clamp((int)Math.Ceiling(y + (height * (1 + Margin))), top + 1, image.Height);
        int cropWidth = right - left;
        int cropHeight = bottom - top;
        double scale = Math.Min(1.0, (double)MaxSide / Math.Max(cropWidth, cropHeight));
        int outWidth = Math.Max(1, (int)Math.Round(cropWidth * scale));
        int outHeight = Math.Max(1, (int)Math.Round(cropHeight * scale));
        var crop = new RgbImage(outWidth, outHeight);
        for (int row = 0; row < outHeight; row++)
        {
            var source = image.Row(top + Math.Min(cropHeight - 1, (int)(row / scale)));
            var target = crop.Row(row);
            for (int column = 0; column < outWidth; column++)
            {
                int from = (left + Math.Min(cropWidth - 1, (int)(column / scale))) * 3;
                source.Slice(from, 3).CopyTo(target.Slice(column * 3, 3));
            }
        }

        return crop;
    }
}
