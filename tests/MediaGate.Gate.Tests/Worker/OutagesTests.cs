using MediaGate.Gate.Worker;
using MediaGate.Storage;
using Microsoft.Data.Sqlite;

namespace MediaGate.Gate.Tests.Worker;

[TestClass]
public sealed class OutagesTests
{
    [TestMethod]
    public void IsOutage_StoreUnavailable_IsAnOutage() =>
        Assert.IsTrue(Outages.IsOutage(new ObjectStoreException(ObjectStoreFailureKind.Unavailable, "circuit open")));

    [TestMethod]
    [DataRow(ObjectStoreFailureKind.Conflict)]
    [DataRow(ObjectStoreFailureKind.DecryptionFailed)]
    [DataRow(ObjectStoreFailureKind.InvalidKey)]
    public void IsOutage_StoreFailureOfTheObjectItself_IsNotAnOutage(ObjectStoreFailureKind kind) =>
        Assert.IsFalse(Outages.IsOutage(new ObjectStoreException(kind, "the object")), $"{kind} is the object's fault and must spend an attempt");

    [TestMethod]
    public void IsOutage_BugInTheCode_IsNotAnOutage() =>
        Assert.IsFalse(Outages.IsOutage(new InvalidOperationException("the detector crashed")), "an unknown fault must spend attempts (fail closed)");

    [TestMethod]
    public void IsOutage_DatabaseError_IsAnOutage()
    {
        var e = Assert.ThrowsExactly<SqliteException>(() => Query("Data Source=/nonexistent-folder-mediagate/x.db;Mode=ReadWrite", "SELECT 1"));

        Assert.IsTrue(Outages.IsOutage(e), "a database that cannot be opened is an outage");
    }

    [TestMethod]
    public void IsOutage_DatabaseRefusesTheData_IsNotAnOutage()
    {
        string file = Path.Combine(Path.GetTempPath(), "mediagate-constraint-" + Guid.NewGuid().ToString("N") + ".db");
        try
        {
            using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
            connection.Open();
            Execute(connection, "CREATE TABLE t (x TEXT PRIMARY KEY)");
            Execute(connection, "INSERT INTO t VALUES ('a')");

            var e = Assert.ThrowsExactly<SqliteException>(() => Execute(connection, "INSERT INTO t VALUES ('a')"));

            Assert.IsFalse(Outages.IsOutage(e), "a constraint the item breaks would be retried for ever instead of failing");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [TestMethod]
    public void IsOutOfSpace_SqliteDatabaseFull_IsOutOfSpace()
    {
        var e = DatabaseFull();

        Assert.IsTrue(Outages.IsOutOfSpace(e));
        Assert.IsTrue(Outages.IsOutage(e));
    }

    [TestMethod]
    public void IsOutOfSpace_EnospcInsideAStoreFailure_IsOutOfSpace()
    {
        var e = new ObjectStoreException(ObjectStoreFailureKind.Unavailable, "could not be written", new IOException("No space left on device", 28));

        Assert.IsTrue(Outages.IsOutOfSpace(e));
    }

    [TestMethod]
    public void IsOutOfSpace_OtherIoError_IsNotOutOfSpace() =>
        Assert.IsFalse(Outages.IsOutOfSpace(new IOException("Connection reset by peer", 104)));

    /// <summary>A real SQLITE_FULL: a database capped at a few pages, filled past them.</summary>
    internal static SqliteException DatabaseFull()
    {
        string file = Path.Combine(Path.GetTempPath(), "mediagate-full-" + Guid.NewGuid().ToString("N") + ".db");
        try
        {
            using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
            connection.Open();
            Execute(connection, "PRAGMA max_page_count = 4");
            Execute(connection, "CREATE TABLE t (x TEXT)");
            return Assert.ThrowsExactly<SqliteException>(() =>
            {
                for (int i = 0; i < 100; i++)
                {
                    Execute(connection, $"INSERT INTO t VALUES ('{new string('x', 2000)}')");
                }
            });
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static void Query(string connectionString, string sql)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        Execute(connection, sql);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
