using MediaGate.Storage;
using MediaGate.Data.Tests.Support;

namespace MediaGate.Data.Tests;

[TestClass]
public sealed class MediaGateDatabaseTests
{
    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task Open_EmptyDatabase_AppliesEveryMigrationOnce(string store)
    {
        var time = new FakeTimeProvider(Sample.Now);
        await using var test = await TestDatabase.CreateAsync(store, time);

        await using var again = await test.Reopen(time);

        CollectionAssert.AreEqual(Migrations.SchemaMigrations.All.Select(m => m.Version).Order().ToArray(), test.Database.AppliedMigrations.ToArray());
        Assert.IsEmpty(again.AppliedMigrations);
        Assert.AreEqual(Enum.Parse<StoreKind>(store), again.Kind);
    }

    [TestMethod]
    public async Task OpenPostgreSqlAsync_EightNodesStartAtOnceOnAnEmptyDatabase_EveryOneOpensAndEachMigrationIsAppliedOnce()
    {
        // Two nodes of one installation start together against a new database (the two-node service test does):
        // none may fail on the other's CREATE TABLE, and between them every migration is applied exactly once.
        var time = new FakeTimeProvider(Sample.Now);
        for (var round = 0; round < 30; round++)
        {
            await using var fresh = await TestDatabase.EmptyPostgreSqlSchemaAsync();
            using var start = new ManualResetEventSlim();
            var opening = Enumerable.Range(0, 8)
                .Select(_ => Task.Run(async () =>
                {
                    start.Wait();
                    return await MediaGateDatabase.OpenPostgreSqlAsync(fresh.ConnectionString, time);
                }))
                .ToArray();
            start.Set();
            var nodes = await Task.WhenAll(opening);
            try
            {
                var applied = nodes.SelectMany(n => n.AppliedMigrations).Order().ToArray();
                CollectionAssert.AreEqual(Migrations.SchemaMigrations.All.Select(m => m.Version).Order().ToArray(), applied,
                    $"round {round}: each migration applied by exactly one node");
            }
            finally
            {
                foreach (var node in nodes)
                {
                    await node.DisposeAsync();
                }
            }
        }
    }

    [TestMethod]
    public async Task OpenSqliteAsync_MissingFolder_CreatesFolderAndDatabaseFile()
    {
        var time = new FakeTimeProvider(Sample.Now);
        await using var test = await TestDatabase.CreateAsync(TestDatabase.Sqlite, time);

        Assert.IsTrue(File.Exists(Path.Combine(test.Folder!, MediaGateDatabase.SqliteFileName)));
    }

    [TestMethod]
    public async Task OpenSqliteAsync_AnotherConnectionHoldsAReadTransaction_WritesStillCommit()
    {
        // The service's polls read while the worker writes: with the write-ahead log a reader never holds a commit up
        // (with the rollback journal this write would wait for the reader and fail as "database is locked").
        var time = new FakeTimeProvider(Sample.Now);
        await using var test = await TestDatabase.CreateAsync(TestDatabase.Sqlite, time);
        var path = Path.Combine(test.Folder!, MediaGateDatabase.SqliteFileName);
        await using var reader = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False");
        await reader.OpenAsync();
        await using var reading = reader.BeginTransaction(deferred: true);
        await using var count = reader.CreateCommand();
        count.Transaction = reading;
        count.CommandText = "SELECT count(*) FROM children";
        Assert.AreEqual(0L, await count.ExecuteScalarAsync());

        await Sample.AddChildrenAsync(test.Database);

        Assert.IsNotEmpty(await test.Database.Children.ListAsync(), "the write committed while the read transaction was open");
        Assert.AreEqual(0L, await count.ExecuteScalarAsync(), "the reader keeps the snapshot it started with");
    }

    [TestMethod]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // Unix file modes
    public async Task OpenSqliteAsync_NewDatabase_FolderIs0700AndEveryDatabaseFile0600()
    {
        var time = new FakeTimeProvider(Sample.Now);
        await using var test = await TestDatabase.CreateAsync(TestDatabase.Sqlite, time);
        await test.Database.Children.ListAsync();

        Assert.AreEqual(PrivateFiles.FolderMode, File.GetUnixFileMode(test.Folder!), "the data folder is private to the service");
        var files = Directory.GetFiles(test.Folder!, MediaGateDatabase.SqliteFileName + "*");
        Assert.IsNotEmpty(files);
        foreach (var file in files)
        {
            Assert.AreEqual(PrivateFiles.FileMode, File.GetUnixFileMode(file), $"{Path.GetFileName(file)} holds names and signing keys: readable by the service's user only");
        }
    }

    [TestMethod]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // Unix file modes
    public async Task OpenSqliteAsync_DatabaseMadeWorldReadableBefore_IsNarrowedTo0600()
    {
        var folder = Path.Combine(Path.GetTempPath(), "mediagate-data-" + Guid.NewGuid().ToString("N"));
        try
        {
            var time = new FakeTimeProvider(Sample.Now);
            await (await MediaGateDatabase.OpenSqliteAsync(folder, time)).DisposeAsync();
            var path = Path.Combine(folder, MediaGateDatabase.SqliteFileName);
            File.SetUnixFileMode(path, PrivateFiles.FileMode | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

            await (await MediaGateDatabase.OpenSqliteAsync(folder, time)).DisposeAsync();

            Assert.AreEqual(PrivateFiles.FileMode, File.GetUnixFileMode(path), "an older version's 0644 database is narrowed at start");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
