using MediaGate.Data.Media;
using MediaGate.Data.Migrations;
using MediaGate.Data.Sql;
using MediaGate.Data.Tests.Media;
using MediaGate.Data.Tests.Support;

namespace MediaGate.Data.Tests.Retention;

/// <summary>Migration 10 widens media_items' status check ("deleted"); on SQLite that edits the stored schema in place.</summary>
[TestClass]
public sealed class RetentionMigrationTests
{
    [TestMethod]
    public async Task Open_SqliteAtVersion8WithItems_KeepsRowsAndForeignKeysAndAllowsDeleted()
    {
        var folder = Path.Combine(Path.GetTempPath(), "mediagate-migrate-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var file = Path.Combine(folder, MediaGateDatabase.SqliteFileName);
            var time = new FakeTimeProvider(Sample.Now);
            await using (var old = SqlStore.Sqlite(file))
            {
                await MigrationRunner.ApplyAsync(old, SchemaMigrations.All.Where(m => m.Version <= 8).ToArray(), time, CancellationToken.None);
            }

            // Rows written at version 8, straight into the tables (the repositories speak version 10).
            await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file};Foreign Keys=True;Pooling=False"))
            {
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText =
                    "INSERT INTO children (id, name) VALUES ('ava', 'Ava');" +
                    "INSERT INTO observations (id, device_id, staff_id, captured_at, received_at) VALUES ('o1', 'd', 's', 'x', 'x');" +
                    "INSERT INTO media_items (id, observation_id, position, sha256, byte_length, upload_key, master_key, status, created_at, updated_at) " +
                    "VALUES ('m1', 'o1', 0, 'h', 10, 'uploads/m1', 'masters/m1.jpg', 'released', '2026-03-01T00:00:00.0000000Z', '2026-03-01T00:00:00.0000000Z');" +
                    "INSERT INTO media_children (media_id, child_id) VALUES ('m1', 'ava');";
                await command.ExecuteNonQueryAsync();
            }

            await using var database = await MediaGateDatabase.OpenSqliteAsync(folder, time);

            CollectionAssert.Contains(database.AppliedMigrations.ToArray(), 10);
            var item = await database.Media.FindItemAsync("m1");
            Assert.AreEqual(MediaStatus.Released, item!.Status);
            CollectionAssert.AreEqual(new[] { Sample.Ava }, item.TaggedChildren.ToArray());
            await database.Retention.SetLeftOnAsync(Sample.Ava, new DateOnly(2026, 1, 1));
            Assert.IsNotNull(await database.Retention.TombstoneAsync("m1", new DateOnly(2026, 1, 1), "retention", Sample.Now));
            Assert.AreEqual(MediaStatus.Deleted, (await database.Media.FindItemAsync("m1"))!.Status);
            await using var check = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file};Pooling=False");
            await check.OpenAsync();
            await using var integrity = check.CreateCommand();
            integrity.CommandText = "PRAGMA integrity_check";
            Assert.AreEqual("ok", await integrity.ExecuteScalarAsync());
            integrity.CommandText = "PRAGMA foreign_key_check";
            Assert.IsNull(await integrity.ExecuteScalarAsync(), "no foreign key violation");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task StatusCheck_AfterMigration_StillRefusesUnknownStatuses(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        await Sample.AddChildrenAsync(test.Database);
        var upload = MediaSample.Upload(1, [Sample.Ava]);
        await test.Database.AddRecordedUploadAsync(upload);

        await Assert.ThrowsAsync<System.Data.Common.DbException>(() => test.ExecuteRawAsync($"UPDATE media_items SET status = 'bogus' WHERE id = '{upload.Items[0].Id}'"));
        await test.ExecuteRawAsync($"UPDATE media_items SET status = 'deleted' WHERE id = '{upload.Items[0].Id}'");
        Assert.AreEqual(MediaStatus.Deleted, (await test.Database.Media.FindItemAsync(upload.Items[0].Id))!.Status);
    }
}
