using System.CommandLine;
using MediaGate.Data;
using MediaGate.Data.Audit;

namespace MediaGate.Api.Cli;

/// <summary><c>mediagate audit verify [--data DIR]</c>: walks the audit log's hash chain (api.md, Command line).</summary>
internal static class AuditCommands
{
    /// <summary>The chain is broken (api.md: exit 2 when broken).</summary>
    public const int ExitBroken = 2;

    public static Command Create() => new("audit", "Check the tamper-evident audit log.") { Verify() };

    private static Command Verify()
    {
        var data = DataCommands.DataOption();
        var command = new Command("verify", "Check every link of the audit log's hash chain and name the first broken one (exit 0 intact, 2 broken).") { data };
        command.SetAction((parse, cancel) => DataCommands.Guarded(parse, async (output, error) =>
        {
            string file = Path.Combine(parse.GetValue(data)!.FullName, MediaGateDatabase.SqliteFileName);
            if (!File.Exists(file))
            {
                await error.WriteLineAsync($"mediagate audit verify: no database at {file}");
                return 1;
            }

            await using var database = await DataCommands.OpenAsync(parse, data, cancel);
            AuditVerification result = await database.Audit.VerifyAsync(cancel);
            if (result.IsIntact)
            {
                await output.WriteLineAsync($"audit log intact: {result.Checked} entries, newest hash {result.HeadHash}");
                return 0;
            }

            await output.WriteLineAsync($"audit log broken at entry {result.FirstBroken}: {result.Problem} ({result.Checked} entries before it verified)");
            return ExitBroken;
        }));
        return command;
    }
}
