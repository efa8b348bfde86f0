using MediaGate.Consent.Matrix;
using MediaGate.Data.Media;
using MediaGate.Data.Migrations;
using MediaGate.Data.Sql;
using MediaGate.Data.Tests.Support;

namespace MediaGate.Data.Tests.Media;

/// <summary>
/// Migration 22 on PostgreSQL (attacked 2026-12-08): a database at version 21 that already holds decisions and renditions,
/// some with long audience keys that fitted the old btree indexes only because PostgreSQL compressed them, is upgraded
/// with its rows kept, still found by audience, still unique per item, purpose and audience; and an audience of 60
/// attendees' random ids, which no longer fits any btree entry, can then be saved.
/// </summary>
[TestClass]
public sealed class AudienceIndexMigrationTests
{
    [TestMethod]
    public async Task Open_PostgreSqlAtVersion21WithLongAudiences_KeepsRowsAndUniquenessAndTakesLongerOnes()
    {
        await using var schema = await TestDatabase.EmptyPostgreSqlSchemaAsync();
        var time = new FakeTimeProvider(Sample.Now);
        await using (var old = SqlStore.PostgreSql(schema.ConnectionString))
        {
            await MigrationRunner.ApplyAsync(old, SchemaMigrations.All.Where(m => m.Version <= 21).ToArray(), time, CancellationToken.None);
        }

        // 4 kB of one family's id repeated: compressible, so version 21's btree indexes took it.
        string compressible = "event:" + string.Concat(Enumerable.Repeat("0123456789abcdef0123456789abcdef,", 120));
        await ExecuteAsync(schema.ConnectionString,
            "INSERT INTO observations (id, device_id, staff_id, captured_at, received_at) VALUES ('o1', 'd', 's', 'x', 'x');" +
            "INSERT INTO media_items (id, observation_id, position, sha256, byte_length, upload_key, master_key, status, created_at, updated_at) " +
            "VALUES ('m1', 'o1', 0, 'h', 10, 'uploads/m1', 'masters/m1.jpg', 'held', '2026-03-01T00:00:00.0000000Z', '2026-03-01T00:00:00.0000000Z');" +
            "INSERT INTO renditions (id, media_id, purpose, audience, object_key, width, height, revision, created_at) VALUES " +
            $"('r1', 'm1', 'events', '{compressible}', 'renditions/r1.jpg', 640, 480, 1, '2026-03-01T00:00:00.0000000Z')," +
            "('r2', 'm1', 'journal', 'family:ava', 'renditions/r2.jpg', 640, 480, 1, '2026-03-01T00:00:00.0000000Z');" +
            "INSERT INTO decisions (id, media_id, purpose, audience, decided_at, verdict, request_json, faces_json) VALUES " +
            $"('d1', 'm1', 'events', '{compressible}', '2026-03-01T00:00:00.0000000Z', 'release', '{{}}', '[]');");

        await using var database = await MediaGateDatabase.OpenPostgreSqlAsync(schema.ConnectionString, time);

        CollectionAssert.Contains(database.AppliedMigrations.ToArray(), 22);
        Assert.AreEqual("r1", (await database.Renditions.FindAsync("m1", Purpose.Events, compressible))?.Id);
        Assert.AreEqual("r1", (await database.Renditions.ForAudienceAsync(Purpose.Events, compressible)).Single().Id);
        Assert.AreEqual("r2", (await database.Renditions.FindAsync("m1", Purpose.Journal, "family:ava"))?.Id);
        await Assert.ThrowsAsync<System.Data.Common.DbException>(() => ExecuteAsync(schema.ConnectionString,
            "INSERT INTO renditions (id, media_id, purpose, audience, object_key, width, height, revision, created_at) VALUES " +
            $"('r3', 'm1', 'events', '{compressible}', 'renditions/r3.jpg', 640, 480, 1, '2026-03-01T00:00:00.0000000Z')"),
            "one rendition per item, purpose and audience");
        await Assert.ThrowsAsync<System.Data.Common.DbException>(() => ExecuteAsync(schema.ConnectionString,
            "INSERT INTO decisions (id, media_id, purpose, audience, decided_at, verdict, request_json, faces_json) VALUES " +
            $"('d2', 'm1', 'events', '{compressible}', '2026-03-01T00:00:00.0000000Z', 'release', '{{}}', '[]')"),
            "one decision per item, purpose and audience");

        // 60 attendees' random ids: incompressible, over a btree entry's bound.
        string random = "event:" + string.Join(",", Enumerable.Range(0, 120).Select(_ => Guid.NewGuid().ToString("N")));
        var saved = new RenditionRecord("r4", "m1", Purpose.Events, random, "renditions/r4.jpg", 640, 480, 1, Sample.Now);
        Assert.IsNull(await database.Renditions.SaveAsync(saved));
        Assert.AreEqual("r4", (await database.Renditions.FindAsync("m1", Purpose.Events, random))?.Id);
        Assert.AreEqual("r4", (await database.Renditions.SaveAsync(saved with { Id = "r5", ObjectKey = "renditions/r5.jpg", Revision = 2 }))?.Id, "saved again: the one before is replaced");
        Assert.AreEqual(3, (await database.Renditions.OfMediaAsync("m1")).Count);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
