using System.Data.Common;
using Dapper;
using MediaGate.Consent.Media;
using MediaGate.Consent.People;
using MediaGate.Data.Media;
using MediaGate.Data.Sql.Retention;

namespace MediaGate.Data.Sql.Media;

/// <summary>
/// Observations, items, tags and faces in <c>observations</c>, <c>media_items</c>, <c>media_children</c> and
/// <c>media_faces</c>; idempotency keys in <c>idempotency_keys</c>.
/// </summary>
internal sealed class SqlMediaRepository(SqlStore store, TimeProvider time) : IMediaRepository
{
    public async Task<UploadOutcome> AddUploadAsync(NewUpload upload, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var observation = upload.Observation;
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
        {
            await ExecuteAsync(connection, transaction,
                "INSERT INTO observations (id, device_id, staff_id, captured_at, received_at, note, event_id) VALUES (@Id, @DeviceId, @StaffId, @CapturedAt, @ReceivedAt, @Note, @EventId)",
                ObservationRow.From(observation), cancellationToken).ConfigureAwait(false);
            foreach (var item in upload.Items)
            {
                if (item.ObservationId != observation.Id)
                {
                    throw new ArgumentException($"Item {item.Id} belongs to observation {item.ObservationId}, not {observation.Id}", nameof(upload));
                }

                await ExecuteAsync(connection, transaction,
                    "INSERT INTO media_items (id, observation_id, position, sha256, byte_length, upload_key, master_key, width, height, status, status_detail, created_at, updated_at) " +
                    "VALUES (@Id, @ObservationId, @Position, @Sha256, @ByteLength, @UploadKey, @MasterKey, @Width, @Height, @Status, @StatusDetail, @CreatedAt, @UpdatedAt)",
                    MediaItemRow.From(item), cancellationToken).ConfigureAwait(false);
                foreach (var child in item.TaggedChildren.Distinct())
                {
                    await ExecuteAsync(connection, transaction, "INSERT INTO media_children (media_id, child_id) VALUES (@media, @child)",
                        new { media = item.Id, child = child.Value }, cancellationToken).ConfigureAwait(false);
                }

                bool video = upload.Videos?.Contains(item.Id) == true;
                if (video)
                {
                    await ExecuteAsync(connection, transaction, "UPDATE media_items SET kind = 'video' WHERE id = @id", new { id = item.Id }, cancellationToken).ConfigureAwait(false);
                }

                await SqlWorkQueue.EnqueueAsync(connection, transaction, item.Id, video ? MediaKinds.VideoWork : upload.WorkKind, item.Position, observation.ReceivedAt, cancellationToken).ConfigureAwait(false);
            }

            if (upload.Idempotency is { } key)
            {
                // Inserted last: when another request with the same key committed first, this insert does nothing
                // and the whole upload is rolled back (its objects are the caller's to delete).
                int taken = await connection.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO idempotency_keys (device_id, idempotency_key, fingerprint, observation_id, response_json, created_at) " +
                    "VALUES (@DeviceId, @Key, @Fingerprint, @ObservationId, @ResponseJson, @createdAt) ON CONFLICT (device_id, idempotency_key) DO NOTHING",
                    new { key.DeviceId, key.Key, key.Fingerprint, key.ObservationId, key.ResponseJson, createdAt = DbText.Instant(key.CreatedAt) },
                    transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                if (taken == 0)
                {
                    await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                    var existing = await FindIdempotencyAsync(connection, key.DeviceId, key.Key, cancellationToken).ConfigureAwait(false);
                    return new UploadOutcome(false, existing);
                }
            }

            // The originals' entries in pending_deletions go in this same transaction: committed, the objects are
            // the row's; if a sweep already took an entry as abandoned, its object is going, so nothing commits.
            if (!await SqlPendingDeletions.ForgetUploadsAsync(connection, transaction, upload.Items.Select(i => i.UploadKey), cancellationToken).ConfigureAwait(false))
            {
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                return new UploadOutcome(false, null, OriginalsSwept: true);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        return new UploadOutcome(true, null);
    }

    public async Task<IdempotencyRecord?> FindIdempotencyAsync(string deviceId, string key, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await FindIdempotencyAsync(connection, deviceId, key, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ObservationRecord?> FindObservationAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<ObservationRow>(new CommandDefinition(
            $"SELECT {ObservationRow.Columns} FROM observations o WHERE o.id = @id", new { id }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row is null ? null : await WithChildrenAsync(connection, row, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ObservationRecord>> ObservationsOfStaffAsync(string staffId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(staffId);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<ObservationRow>(new CommandDefinition(
            $"SELECT {ObservationRow.Columns} FROM observations o WHERE o.staff_id = @staffId ORDER BY o.received_at DESC, o.id LIMIT @limit",
            new { staffId, limit = (long)limit }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var observations = new List<ObservationRecord>();
        foreach (var row in rows)
        {
            observations.Add(await WithChildrenAsync(connection, row, cancellationToken).ConfigureAwait(false));
        }

        return observations;
    }

    private static async Task<ObservationRecord> WithChildrenAsync(DbConnection connection, ObservationRow row, CancellationToken cancellationToken)
    {
        var id = row.Id;
        // The observation's children are its first item's tags (every item of an observation carries them all).
        var children = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT c.child_id FROM media_children c JOIN media_items m ON m.id = c.media_id WHERE m.observation_id = @id " +
            "AND m.position = (SELECT MIN(position) FROM media_items WHERE observation_id = @id) ORDER BY c.child_id",
            new { id }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row.ToRecord(children.Select(c => new ChildId(c)).ToArray());
    }

    public async Task<IReadOnlyList<MediaItemRecord>> ItemsOfObservationAsync(string observationId, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ItemsAsync(connection, "m.observation_id = @observationId ORDER BY m.position", new { observationId }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<MediaItemRecord?> FindItemAsync(string mediaId, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        var items = await ItemsAsync(connection, "m.id = @mediaId", new { mediaId }, cancellationToken).ConfigureAwait(false);
        return items.Count == 0 ? null : items[0];
    }

    public async Task<IReadOnlyList<FaceRecord>> RecordMasterAsync(
        string mediaId, string masterKey, int width, int height, IReadOnlyList<DetectedFaceRecord> faces, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(masterKey);
        ArgumentNullException.ThrowIfNull(faces);
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
        {
            int updated = await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE media_items SET master_key = @masterKey, width = @width, height = @height, updated_at = @now WHERE id = @mediaId",
                new { mediaId, masterKey, width = (long)width, height = (long)height, now = DbText.Instant(time.GetUtcNow()) }, transaction,
                cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (updated != 1)
            {
                throw new InvalidOperationException($"There is no media item {mediaId}");
            }

            await SqlPendingDeletions.ClearWriteAheadAsync(connection, transaction, Data.Retention.DeletionStore.Master, masterKey, cancellationToken).ConfigureAwait(false);

            // A second run (the node died before completing its work item) keeps the first run's faces: their
            // ids may already be on a tablet and their assignments already made.
            long stored = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM media_faces WHERE media_id = @mediaId", new { mediaId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (stored == 0)
            {
                foreach (var face in faces)
                {
                    await ExecuteAsync(connection, transaction,
                        "INSERT INTO media_faces (id, media_id, number, x, y, w, h, score, uncertain, assignment) " +
                        "VALUES (@id, @mediaId, @number, @x, @y, @w, @h, @score, @uncertain, 'unassigned')",
                        new
                        {
                            id = Guid.NewGuid().ToString("N"),
                            mediaId,
                            number = (long)face.Number,
                            x = (double)face.Box.X,
                            y = (double)face.Box.Y,
                            w = (double)face.Box.Width,
                            h = (double)face.Box.Height,
                            score = (double)face.Score,
                            uncertain = face.Uncertain ? 1L : 0L,
                        }, cancellationToken).ConfigureAwait(false);
                }
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        return await FacesAsync(connection, mediaId, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> SetStatusAsync(string mediaId, MediaStatus status, string? detail, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        int updated = await connection.ExecuteAsync(new CommandDefinition(
            // A tombstone is final (retention): no later decision, review or failure brings the item back.
            "UPDATE media_items SET status = @status, status_detail = @detail, updated_at = @now WHERE id = @mediaId AND status <> 'deleted'",
            new { mediaId, status = status.Name(), detail, now = DbText.Instant(time.GetUtcNow()) }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return updated == 1;
    }

    public async Task<IReadOnlyList<FaceRecord>> FacesAsync(string mediaId, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await FacesAsync(connection, mediaId, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> AssignFacesAsync(
        string mediaId, IReadOnlyList<FaceAssignmentChange> changes, string assignedBy, DateTimeOffset assignedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(assignedBy);
        // No stored id holds U+0000, and PostgreSQL refuses it in a query's text (an error, not "no such face").
        if (changes.Any(c => c.FaceId.Contains('\0', StringComparison.Ordinal) || (c.Assignment.Child?.Value.Contains('\0', StringComparison.Ordinal) ?? false)))
        {
            return false;
        }

        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var change in changes)
        {
            var child = change.Assignment.Kind == FaceAssignmentKind.Child ? change.Assignment.Child?.Value : null;
            if (child is not null)
            {
                long known = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                    "SELECT COUNT(*) FROM children WHERE id = @child", new { child }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                if (known == 0)
                {
                    await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                    return false;
                }
            }

            bool unassigned = change.Assignment.Kind == FaceAssignmentKind.Unassigned;
            int updated = await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE media_faces SET assignment = @kind, child_id = @child, assigned_by = @by, assigned_at = @at WHERE id = @faceId AND media_id = @mediaId",
                new
                {
                    kind = change.Assignment.Kind.Name(),
                    child,
                    by = unassigned ? null : assignedBy,
                    at = unassigned ? null : DbText.Instant(assignedAt),
                    faceId = change.FaceId,
                    mediaId,
                }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (updated != 1)
            {
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                return false;
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async Task<IReadOnlyList<MediaItemRecord>> ItemsWithStatusAsync(IReadOnlyCollection<MediaStatus> statuses, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        if (statuses.Count == 0)
        {
            return [];
        }

        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ItemsAsync(connection, $"{store.AnyOf("m.status", "@statuses")} ORDER BY m.created_at, m.id LIMIT @limit",
            new { statuses = statuses.Select(s => s.Name()).ToArray(), limit = (long)limit }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyDictionary<MediaStatus, long>> CountByStatusAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(string Status, long Count)>(new CommandDefinition(
            "SELECT status, COUNT(*) FROM media_items GROUP BY status", cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.ToDictionary(r => MediaStatusNames.Parse(r.Status), r => r.Count);
    }

    public async Task<IReadOnlyList<JournalEntry>> JournalOfAsync(IReadOnlyCollection<ChildId> children, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(children);
        if (children.Count == 0)
        {
            return [];
        }

        await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(string MediaId, string ChildId, string CapturedAt, string? Note, string RenditionId)>(new CommandDefinition(
            "SELECT m.id, c.child_id, o.captured_at, o.note, r.id FROM media_children c " +
            "JOIN media_items m ON m.id = c.media_id JOIN observations o ON o.id = m.observation_id " +
            "JOIN renditions r ON r.media_id = m.id AND r.purpose = 'journal' AND r.audience = 'parent:' || c.child_id " +
            $"WHERE {store.AnyOf("c.child_id", "@children")} ORDER BY o.captured_at DESC, m.position, m.id, c.child_id",
            new { children = children.Select(c => c.Value).Distinct().ToArray() }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => new JournalEntry(r.MediaId, new ChildId(r.ChildId), DbText.ToInstant(r.CapturedAt), r.Note, r.RenditionId)).ToArray();
    }

    private static async Task<IdempotencyRecord?> FindIdempotencyAsync(DbConnection connection, string deviceId, string key, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<IdempotencyRow>(new CommandDefinition(
            $"SELECT {IdempotencyRow.Columns} FROM idempotency_keys WHERE device_id = @deviceId AND idempotency_key = @key",
            new { deviceId, key }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row?.ToRecord();
    }

    private static async Task<IReadOnlyList<FaceRecord>> FacesAsync(DbConnection connection, string mediaId, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<FaceRow>(new CommandDefinition(
            $"SELECT {FaceRow.Columns} FROM media_faces f WHERE f.media_id = @mediaId ORDER BY f.number", new { mediaId },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => r.ToRecord()).ToArray();
    }

    private async Task<IReadOnlyList<MediaItemRecord>> ItemsAsync(DbConnection connection, string where, object parameters, CancellationToken cancellationToken)
    {
        var rows = (await connection.QueryAsync<MediaItemRow>(new CommandDefinition(
            $"SELECT {MediaItemRow.Columns} FROM media_items m WHERE {where}", parameters, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToArray();
        if (rows.Length == 0)
        {
            return [];
        }

        var tags = await connection.QueryAsync<(string MediaId, string ChildId)>(new CommandDefinition(
            $"SELECT media_id, child_id FROM media_children WHERE {store.AnyOf("media_id", "@ids")} ORDER BY media_id, child_id",
            new { ids = rows.Select(r => r.Id).ToArray() }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var byItem = tags.ToLookup(t => t.MediaId, t => new ChildId(t.ChildId));
        return rows.Select(r => r.ToRecord(byItem[r.Id].ToArray())).ToArray();
    }

    private static Task<int> ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, object parameters, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));
}
