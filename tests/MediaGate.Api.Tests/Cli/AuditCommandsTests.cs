using MediaGate.Data;
using MediaGate.Data.Audit;
using Microsoft.Data.Sqlite;

namespace MediaGate.Api.Tests.Cli;

[TestClass]
public sealed class AuditCommandsTests
{
    [TestMethod]
    public async Task Verify_IntactLog_ExitsZeroWithTheEntryCount()
    {
        using var temp = new TempFolder();
        await AppendAsync(temp.Combine("data"), 3);

        CliRunner.Result verify = CliRunner.Run(temp.Path, "audit", "verify", "--data", "data");

        Assert.AreEqual(0, verify.ExitCode, verify.Stderr);
        StringAssert.StartsWith(verify.StdoutLines.Single(), "audit log intact: 3 entries");
    }

    [TestMethod]
    public async Task Verify_EntryRewrittenInTheDatabaseFile_ExitsTwoNamingIt()
    {
        using var temp = new TempFolder();
        await AppendAsync(temp.Combine("data"), 4);
        await using (var connection = new SqliteConnection("Data Source=" + temp.Combine("data", MediaGateDatabase.SqliteFileName) + ";Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET subject = 'media-x' WHERE seq = 2;";
            await command.ExecuteNonQueryAsync();
        }

        CliRunner.Result verify = CliRunner.Run(temp.Path, "audit", "verify", "--data", "data");

        Assert.AreEqual(2, verify.ExitCode, verify.Stderr);
        StringAssert.StartsWith(verify.StdoutLines.Single(), "audit log broken at entry 2:");
    }

    [TestMethod]
    public void Verify_NoDatabase_ExitsOneWithoutCreatingOne()
    {
        using var temp = new TempFolder();

        CliRunner.Result verify = CliRunner.Run(temp.Path, "audit", "verify", "--data", "nowhere");

        Assert.AreEqual(1, verify.ExitCode);
        StringAssert.Contains(verify.Stderr, "no database");
        Assert.IsFalse(Directory.Exists(temp.Combine("nowhere")));
    }

    private static async Task AppendAsync(string data, int count)
    {
        await using var database = await MediaGateDatabase.OpenSqliteAsync(data, TimeProvider.System);
        for (int i = 0; i < count; i++)
        {
            await database.Audit.AppendAsync(new AuditEvent("manager", "view", "media-" + i));
        }
    }
}
