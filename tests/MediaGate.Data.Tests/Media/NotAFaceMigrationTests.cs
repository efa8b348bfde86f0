using MediaGate.Consent.Media;
using MediaGate.Data.Media;
using MediaGate.Data.Migrations;
using MediaGate.Data.Sql;
using MediaGate.Data.Tests.Support;

namespace MediaGate.Data.Tests.Media;

/// <summary>Migration 13 adds the assignment kind not-a-face to media_faces (on SQLite by rebuilding the table).</summary>
[TestClass]
public sealed class NotAFaceMigrationTests
{
    [TestMethod]
    public async Task Open_SqliteAtVersion12WithFaces_KeepsRowsUniqueAndForeignKeysAndAllowsNotAFace()
    {
        var folder = Path.Combine(Path.GetTempPath(), "mediagate-migrate-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var file = Path.Combine(folder, MediaGateDatabase.SqliteFileName);
            var time = new FakeTimeProvider(Sample.Now);
            await using (var old = SqlStore.Sqlite(file))
            {
                await MigrationRunner.ApplyAsync(old, SchemaMigrations.All.Where(m => m.Version <= 12).ToArray(), time, CancellationToken.None);
            }

            // Rows written at version 12, straight into the tables.
            await ExecuteAsync(file,
                "INSERT INTO children (id, name) VALUES ('ava', 'Ava');" +
                "INSERT INTO observations (id, device_id, staff_id, captured_at, received_at) VALUES ('o1', 'd', 's', 'x', 'x');" +
                "INSERT INTO media_items (id, observation_id, position, sha256, byte_length, upload_key, master_key, status, created_at, updated_at) " +
                "VALUES ('m1', 'o1', 0, 'h', 10, 'uploads/m1', 'masters/m1.jpg', 'held', '2026-03-01T00:00:00.0000000Z', '2026-03-01T00:00:00.0000000Z');" +
                "INSERT INTO media_children (media_id, child_id) VALUES ('m1', 'ava');" +
                "INSERT INTO media_faces (id, media_id, number, x, y, w, h, score, uncertain, assignment, child_id, assigned_by, assigned_at) " +
                "VALUES ('f1', 'm1', 1, 10, 20, 30, 40, 0.91, 0, 'child', 'ava', 'staff-1', '2026-03-01T00:00:00.0000000Z');" +
                "INSERT INTO media_faces (id, media_id, number, x, y, w, h, score, uncertain, assignment) VALUES ('f2', 'm1', 2, 50, 20, 30, 40, 0.55, 1, 'unassigned');");

            await using var database = await MediaGateDatabase.OpenSqliteAsync(folder, time);

            CollectionAssert.Contains(database.AppliedMigrations.ToArray(), 13);
            var faces = await database.Media.FacesAsync("m1");
            Assert.HasCount(2, faces);
            Assert.AreEqual(FaceAssignment.ToChild(Sample.Ava), faces[0].Assignment);
            Assert.AreEqual("staff-1", faces[0].AssignedBy);
            Assert.AreEqual(0.91f, faces[0].Score, 1e-6f);
            Assert.IsTrue(faces[1].Uncertain);
            Assert.IsTrue(await database.Media.AssignFacesAsync("m1", [new FaceAssignmentChange("f2", FaceAssignment.NotAFace)], "staff-1", Sample.Now));
            Assert.AreEqual(FaceAssignmentKind.NotAFace, (await database.Media.FacesAsync("m1"))[1].Assignment.Kind);

            await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => ExecuteAsync(file,
                "INSERT INTO media_faces (id, media_id, number, x, y, w, h, score, uncertain, assignment) VALUES ('f3', 'm1', 2, 1, 1, 1, 1, 0.9, 0, 'unassigned')"),
                "unique (media_id, number) is kept");
            await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => ExecuteAsync(file,
                "INSERT INTO media_faces (id, media_id, number, x, y, w, h, score, uncertain, assignment) VALUES ('f4', 'nope', 1, 1, 1, 1, 1, 0.9, 0, 'unassigned')"),
                "the foreign key to media_items is kept");
            await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => ExecuteAsync(file,
                "UPDATE media_faces SET assignment = 'not-a-face' WHERE id = 'f1'"),
                "a child id still goes with kind child only");
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
    public async Task AssignmentCheck_AfterMigration13_AllowsNotAFaceAndStillRefusesUnknownKinds(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        await Sample.AddChildrenAsync(test.Database);
        var upload = MediaSample.Upload(1, [Sample.Ava]);
        await test.Database.AddRecordedUploadAsync(upload);
        var mediaId = upload.Items[0].Id;
        var faces = await test.Database.Media.RecordMasterAsync(mediaId, "masters/a.jpg", 640, 480, [MediaSample.Face(1)]);

        Assert.IsTrue(await test.Database.Media.AssignFacesAsync(mediaId, [new FaceAssignmentChange(faces[0].FaceId, FaceAssignment.NotAFace)], "staff-1", Sample.Now));

        Assert.AreEqual(FaceAssignment.NotAFace, (await test.Database.Media.FacesAsync(mediaId)).Single().Assignment);
        await Assert.ThrowsAsync<System.Data.Common.DbException>(() => test.ExecuteRawAsync($"UPDATE media_faces SET assignment = 'bogus' WHERE id = '{faces[0].FaceId}'"));
    }

    private static async Task ExecuteAsync(string file, string sql)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file};Foreign Keys=True;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
