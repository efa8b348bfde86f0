using Dapper;
using MediaGate.Data.Media;
using MediaGate.Data.Retention;
using MediaGate.Data.Sql.Retention;

namespace MediaGate.Data.Sql.Media;

/// <summary>Videos in <c>media_items.kind</c>, <c>media_tracks</c>, <c>video_renditions</c> and <c>video_links</c>.</summary>
internal sealed class SqlVideoRepository(SqlStore store) : IVideoRepository
{
    private const string TrackColumns =
        "media_id AS MediaId, number AS Number, first_ms AS FirstMs, last_ms AS LastMs, best_ms AS BestMs, points_json AS PointsJson, frame_key AS FrameKey";

    private const string RenditionColumns =
        "rendition_id AS RenditionId, media_id AS MediaId, video_key AS VideoKey, sound AS Sound, byte_length AS ByteLength";

    public async Task<string?> KindOfAsync(string mediaId, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT kind FROM media_items WHERE id = @mediaId", new { mediaId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task<IReadOnlySet<string>> VideosAmongAsync(IReadOnlyCollection<string> mediaIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mediaIds);
        var videos = new HashSet<string>(StringComparer.Ordinal);
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        foreach (var chunk in mediaIds.Distinct(StringComparer.Ordinal).Chunk(500))
        {
            videos.UnionWith(await connection.QueryAsync<string>(new CommandDefinition(
                $"SELECT id FROM media_items WHERE kind = 'video' AND {store.AnyOf("id", "@chunk")}", new { chunk }, cancellationToken: cancellationToken)).ConfigureAwait(false));
        }

        return videos;
    }

    public async Task SaveTracksAsync(string mediaId, IReadOnlyList<VideoTrackRecord> tracks, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tracks);
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var track in tracks)
        {
            if (track.MediaId != mediaId)
            {
                throw new ArgumentException($"Track {track.Number} belongs to {track.MediaId}, not {mediaId}", nameof(tracks));
            }

            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO media_tracks (media_id, number, first_ms, last_ms, best_ms, points_json, frame_key) " +
                "VALUES (@MediaId, @Number, @FirstMs, @LastMs, @BestMs, @PointsJson, @FrameKey) ON CONFLICT (media_id, number) DO NOTHING",
                new { track.MediaId, Number = (long)track.Number, track.FirstMs, track.LastMs, track.BestMs, track.PointsJson, track.FrameKey },
                transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (track.FrameKey is { } frameKey)
            {
                // The frame was written down for deletion before it was stored: recorded now, it is the track's.
                await SqlPendingDeletions.ClearWriteAheadAsync(connection, transaction, DeletionStore.Master, frameKey, cancellationToken).ConfigureAwait(false);
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<VideoTrackRecord>> TracksAsync(string mediaId, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<TrackRow>(new CommandDefinition(
            $"SELECT {TrackColumns} FROM media_tracks WHERE media_id = @mediaId ORDER BY number", new { mediaId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => new VideoTrackRecord(r.MediaId, checked((int)r.Number), r.FirstMs, r.LastMs, r.BestMs, r.PointsJson, r.FrameKey)).ToArray();
    }

    public async Task SaveRenditionAsync(VideoRenditionRecord rendition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rendition);
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO video_renditions (rendition_id, media_id, video_key, sound, byte_length) VALUES (@RenditionId, @MediaId, @VideoKey, @sound, @ByteLength)",
            new { rendition.RenditionId, rendition.MediaId, rendition.VideoKey, sound = rendition.Sound ? 1L : 0L, rendition.ByteLength },
            transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await SqlPendingDeletions.ClearWriteAheadAsync(connection, transaction, DeletionStore.Renditions, rendition.VideoKey, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<VideoRenditionRecord?> FindRenditionAsync(string renditionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<RenditionRow>(new CommandDefinition(
            $"SELECT {RenditionColumns} FROM video_renditions WHERE rendition_id = @renditionId", new { renditionId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row?.ToRecord();
    }

    public async Task<IReadOnlyList<VideoRenditionRecord>> RenditionsOfMediaAsync(string mediaId, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<RenditionRow>(new CommandDefinition(
            $"SELECT {RenditionColumns} FROM video_renditions WHERE media_id = @mediaId ORDER BY rendition_id", new { mediaId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => r.ToRecord()).ToArray();
    }

    public async Task DeleteRenditionAsync(string renditionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM video_renditions WHERE rendition_id = @renditionId", new { renditionId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task AddLinkAsync(VideoLinkRecord link, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(link);
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM video_links WHERE expires_at < @now", new { now = DbText.Instant(now) }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO video_links (token_hash, rendition_id, media_id, account_id, expires_at) VALUES (@TokenHash, @RenditionId, @MediaId, @AccountId, @expires)",
            new { link.TokenHash, link.RenditionId, link.MediaId, link.AccountId, expires = DbText.Instant(link.ExpiresAt) },
            transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<VideoLinkRecord?> FindLinkAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<LinkRow>(new CommandDefinition(
            "SELECT token_hash AS TokenHash, rendition_id AS RenditionId, media_id AS MediaId, account_id AS AccountId, expires_at AS ExpiresAt " +
            "FROM video_links WHERE token_hash = @tokenHash AND expires_at >= @now",
            new { tokenHash, now = DbText.Instant(now) }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row is null ? null : new VideoLinkRecord(row.TokenHash, row.RenditionId, row.MediaId, row.AccountId, DbText.ToInstant(row.ExpiresAt));
    }

    private sealed class TrackRow
    {
        public string MediaId { get; set; } = "";

        public long Number { get; set; }

        public long FirstMs { get; set; }

        public long LastMs { get; set; }

        public long BestMs { get; set; }

        public string PointsJson { get; set; } = "";

        public string? FrameKey { get; set; }
    }

    private sealed class RenditionRow
    {
        public string RenditionId { get; set; } = "";

        public string MediaId { get; set; } = "";

        public string VideoKey { get; set; } = "";

        public long Sound { get; set; }

        public long ByteLength { get; set; }

        public VideoRenditionRecord ToRecord() => new(RenditionId, MediaId, VideoKey, Sound == 1, ByteLength);
    }

    private sealed class LinkRow
    {
        public string TokenHash { get; set; } = "";

        public string RenditionId { get; set; } = "";

        public string MediaId { get; set; } = "";

        public string AccountId { get; set; } = "";

        public string ExpiresAt { get; set; } = "";
    }
}
