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
    public async Task OpenSqliteAsync_MissingFolder_CreatesFolderAndDatabaseFile()
    {
        var time = new FakeTimeProvider(Sample.Now);
        await using var test = await TestDatabase.CreateAsync(TestDatabase.Sqlite, time);

        Assert.IsTrue(File.Exists(Path.Combine(test.Folder!, MediaGateDatabase.SqliteFileName)));
    }
}
