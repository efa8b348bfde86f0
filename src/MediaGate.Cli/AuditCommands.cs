using System.CommandLine;
using System.Text.Json;
using MediaGate.Api.Hosting;
using MediaGate.Data;
using MediaGate.Data.Audit;
using MediaGate.Storage.Encryption;

namespace MediaGate.Cli;

/// <summary>
/// <c>mediagate audit verify [--data DIR] [--head FILE]</c>: walks the audit log's chain (api.md, Command line). Keyed
/// entries are checked with the master key, read as <c>serve</c> reads it (<c>Storage:Encryption</c> in mediagate.json or
/// the environment, else <c>&lt;data&gt;/master.key</c>); <c>--head</c> also checks a head the manager exported earlier.
/// </summary>
internal static class AuditCommands
{
    /// <summary>The chain is broken (api.md: exit 2 when broken).</summary>
    public const int ExitBroken = 2;

    public static Command Create() => new("audit", "Check the tamper-evident audit log.") { Verify() };

    private static Command Verify()
    {
        var data = DataCommands.DataOption();
        var head = new Option<FileInfo?>("--head") { Description = "A head exported from the console (GET /api/manager/audit/head): also check that the log still holds it." };
        var command = new Command("verify", "Check every link of the audit log's chain and name the first broken one (exit 0 intact, 2 broken).") { data, head };
        command.SetAction((parse, cancel) => DataCommands.Guarded(parse, async (output, error) =>
        {
            string folder = parse.GetValue(data)!.FullName;
            string file = Path.Combine(folder, MediaGateDatabase.SqliteFileName);
            if (!File.Exists(file))
            {
                await error.WriteLineAsync($"mediagate audit verify: no database at {file}");
                return 1;
            }

            await using var database = await DataCommands.OpenAsync(parse, data, cancel);
            if (LoadSealer(folder) is { } sealer)
            {
                database.UseAuditKeys(AuditKeys.From(sealer));
            }

            AuditVerification result = await database.Audit.VerifyAsync(cancel);
            if (!result.IsIntact)
            {
                await output.WriteLineAsync($"audit log broken at entry {result.FirstBroken}: {result.Problem} ({result.Checked} entries before it verified)");
                return ExitBroken;
            }

            if (parse.GetValue(head) is { } headFile)
            {
                AuditHead exported = JsonSerializer.Deserialize<AuditHead>(await File.ReadAllTextAsync(headFile.FullName, cancel), JsonSerializerOptions.Web)
                    ?? throw new InvalidDataException($"{headFile.Name} holds no audit head");
                if (await database.Audit.CheckHeadAsync(exported, cancel) is { } problem)
                {
                    await output.WriteLineAsync($"audit log does not hold the exported head (entry {exported.Sequence}): {problem}");
                    return ExitBroken;
                }

                await output.WriteLineAsync($"audit log intact: {result.Checked} entries, newest hash {result.HeadHash}; it holds the head exported at {exported.At:u} (entry {exported.Sequence})");
                return 0;
            }

            await output.WriteLineAsync($"audit log intact: {result.Checked} entries, newest hash {result.HeadHash}");
            return 0;
        }));
        return command;
    }

    /// <summary>The master keys as <c>serve</c> would have them, or null when none is configured or kept in the data folder.</summary>
    private static SecretSealer? LoadSealer(string dataFolder)
    {
        var configuration = new ConfigurationManager();
        configuration.SetBasePath(Directory.GetCurrentDirectory()).AddJsonFile("mediagate.json", optional: true).AddEnvironmentVariables("MEDIAGATE_");
        bool configured = configuration.GetSection("Storage:Encryption:MasterKeys").GetChildren().Any();
        if (!configured && !File.Exists(Path.Combine(dataFolder, MasterKeyFile.FileName)))
        {
            return null;
        }

        if (!configured)
        {
            configuration["Storage:Master:Kind"] = "Folder";
            MasterKeyFile.Apply(configuration, dataFolder);
        }

        var options = new EnvelopeEncryptionOptions();
        configuration.GetSection("Storage:Encryption").Bind(options);
        return new SecretSealer(options);
    }
}
