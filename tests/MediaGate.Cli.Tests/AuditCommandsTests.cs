using MediaGate.Data;
using MediaGate.Data.Audit;
using Microsoft.Data.Sqlite;

namespace MediaGate.Cli.Tests;

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
    public async Task Verify_KeyedEntryEditedAndRechainedInTheDatabaseFile_ExitsTwo()
    {
        // The service keys the chain with the master key (here the embedded default's master.key). Someone who can
        // write the database but not read the key edits entry 2 and recomputes every link after it: issue 13's attack.
        using var temp = new TempFolder();
        string data = temp.Combine("data");
        Directory.CreateDirectory(data);
        string key = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)(i * 3)).ToArray());
        await File.WriteAllTextAsync(Path.Combine(data, "master.key"), key + "\n");
        await using (var database = await MediaGateDatabase.OpenSqliteAsync(data, TimeProvider.System))
        {
            database.UseAuditKeys(AuditKeys.From(TestSealers.New(key, "local-1")));
            for (int i = 0; i < 4; i++)
            {
                await database.Audit.AppendAsync(new AuditEvent("manager", "view", "media-" + i));
            }
        }

        Assert.AreEqual(0, CliRunner.Run(temp.Path, "audit", "verify", "--data", "data").ExitCode, "intact before the attack");
        await RechainFromAsync(temp.Combine("data", MediaGateDatabase.SqliteFileName), 2);

        CliRunner.Result verify = CliRunner.Run(temp.Path, "audit", "verify", "--data", "data");

        Assert.AreEqual(2, verify.ExitCode, string.Join("\n", verify.StdoutLines) + verify.Stderr);
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

    /// <summary>Drops the triggers, edits entry <paramref name="from"/> and recomputes every plain link from there on.</summary>
    private static async Task RechainFromAsync(string file, long from)
    {
        await using var connection = new SqliteConnection("Data Source=" + file + ";Pooling=False");
        await connection.OpenAsync();
        var rows = new List<(long Seq, string At, string Actor, string Action, string Subject, string? Detail)>();
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT seq, at, actor, action, subject, detail, hash FROM audit_log ORDER BY seq";
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5)));
            }
        }

        await using (var drop = connection.CreateCommand())
        {
            drop.CommandText = "DROP TRIGGER audit_log_no_update;";
            await drop.ExecuteNonQueryAsync();
        }

        string previous = from == 1 ? AuditChain.Genesis : await HashOfAsync(connection, from - 1);
        foreach (var row in rows.Where(r => r.Seq >= from))
        {
            string subject = row.Seq == from ? "media-x" : row.Subject;
            var at = DateTimeOffset.Parse(row.At, System.Globalization.CultureInfo.InvariantCulture);
            string hash = AuditChain.HashOf(row.Seq, at, row.Actor, row.Action, subject, row.Detail, previous);
            await using var update = connection.CreateCommand();
            update.CommandText = "UPDATE audit_log SET subject = $subject, prev_hash = $prev, hash = $hash WHERE seq = $seq";
            update.Parameters.AddWithValue("$subject", subject);
            update.Parameters.AddWithValue("$prev", previous);
            update.Parameters.AddWithValue("$hash", hash);
            update.Parameters.AddWithValue("$seq", row.Seq);
            await update.ExecuteNonQueryAsync();
            previous = hash;
        }
    }

    private static async Task<string> HashOfAsync(SqliteConnection connection, long seq)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT hash FROM audit_log WHERE seq = $seq";
        command.Parameters.AddWithValue("$seq", seq);
        return (string)(await command.ExecuteScalarAsync())!;
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
