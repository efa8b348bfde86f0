using Dapper;
using MediaGate.Data.Media;

namespace MediaGate.Data.Sql.Media;

/// <summary>Text scans in <c>media_text_scans</c> and their regions in <c>media_text_regions</c> (migrations 19 and 20).</summary>
internal sealed class SqlTextRegionRepository(SqlStore store) : ITextRegionRepository
{
    public async Task<TextScan?> ScanOfAsync(string mediaId, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<(string MediaId, string Model, string ScannedAt, long Regions)?>(new CommandDefinition(
            "SELECT media_id, model, scanned_at, regions FROM media_text_scans WHERE media_id = @mediaId", new { mediaId },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row is { } r ? new TextScan(r.MediaId, r.Model, DbText.ToInstant(r.ScannedAt), (int)r.Regions) : null;
    }

    public async Task<bool> SaveScanAsync(TextScan scan, IReadOnlyList<TextRegionRecord> regions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scan);
        ArgumentNullException.ThrowIfNull(regions);
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        int inserted = await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO media_text_scans (media_id, model, scanned_at, regions) VALUES (@media, @model, @at, @regions) ON CONFLICT (media_id) DO NOTHING",
            new { media = scan.MediaId, model = scan.Model, at = DbText.Instant(scan.ScannedAt), regions = (long)scan.Regions },
            transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (inserted != 1)
        {
            return false;
        }

        foreach (var r in regions)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO media_text_regions (media_id, number, x, y, w, h, score, unmasked_by, unmasked_at) " +
                "VALUES (@media, @number, @x, @y, @w, @h, @score, NULL, NULL)",
                new { media = scan.MediaId, number = (long)r.Number, x = r.X, y = r.Y, w = r.Width, h = r.Height, score = r.Score },
                transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async Task<IReadOnlyList<TextRegionRecord>> OfMediaAsync(string mediaId, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(string MediaId, long Number, double X, double Y, double W, double H, double Score, string? By, string? At)>(new CommandDefinition(
            "SELECT media_id, number, x, y, w, h, score, unmasked_by, unmasked_at FROM media_text_regions WHERE media_id = @mediaId ORDER BY number",
            new { mediaId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => new TextRegionRecord(r.MediaId, (int)r.Number, r.X, r.Y, r.W, r.H, r.Score, r.By, DbText.ToInstantOrNull(r.At))).ToArray();
    }

    public async Task<bool> SetUnmaskedAsync(string mediaId, int number, string? by, DateTimeOffset? at, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        int updated = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE media_text_regions SET unmasked_by = @by, unmasked_at = @at WHERE media_id = @mediaId AND number = @number",
            new { mediaId, number = (long)number, by, at = DbText.Instant(at) }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return updated == 1;
    }
}
