using System.CommandLine;
using System.Globalization;
using MediaGate.Api.Hosting;

namespace MediaGate.Cli;

/// <summary>
/// <c>mediagate backup --data DIR --out DIR</c> and <c>mediagate restore --from DIR --data DIR</c>: the embedded
/// deployment's database, stores and master key, taken while the service runs and put back into an empty data folder
/// (<see cref="DataBackup"/>). Configuration is read as <c>serve</c> reads it.
/// </summary>
internal static class BackupCommands
{
    public static Command Backup()
    {
        var data = DataCommands.DataOption();
        var output = new Option<DirectoryInfo>("--out") { Description = "A new or empty folder for the backup (outside the data folder).", Required = true };
        var command = new Command("backup", "Back up the database, both stores and the master key while the service runs.") { data, output };
        command.SetAction((parse, cancel) => DataCommands.Guarded(parse, async (stdout, stderr) =>
        {
            var layout = DataFolderLayout.Resolve(parse.GetValue(data)!.FullName, Directory.GetCurrentDirectory());
            string folder = parse.GetValue(output)!.FullName;
            BackupManifest manifest = await DataBackup.CreateAsync(layout, folder, TimeProvider.System, cancel);
            await stdout.WriteLineAsync(Summary("backed up to " + folder, manifest));
            if (!manifest.MasterKeyIncluded)
            {
                await stderr.WriteLineAsync("mediagate backup: the master key is not in the data folder (it is configured): keep a copy of the configuration with the backup, or the masters cannot be read");
            }

            await stderr.WriteLineAsync("mediagate backup: the backup can open every photo: keep it private and off this machine");
            return 0;
        }));
        return command;
    }

    public static Command Restore()
    {
        var from = new Option<DirectoryInfo>("--from") { Description = "A folder written by `mediagate backup`.", Required = true };
        var data = DataCommands.DataOption();
        var command = new Command("restore", "Restore a backup into an empty data folder, checking every file against the backup's manifest.") { from, data };
        command.SetAction((parse, cancel) => DataCommands.Guarded(parse, async (stdout, _) =>
        {
            var layout = DataFolderLayout.Resolve(parse.GetValue(data)!.FullName, Directory.GetCurrentDirectory());
            BackupManifest manifest = await DataBackup.RestoreAsync(parse.GetValue(from)!.FullName, layout, cancel);
            await stdout.WriteLineAsync(Summary("restored into " + layout.DataFolder, manifest));
            return 0;
        }));
        return command;
    }

    private static string Summary(string what, BackupManifest manifest)
    {
        int masters = manifest.Files.Count(f => f.Path.StartsWith("masters/", StringComparison.Ordinal));
        int renditions = manifest.Files.Count(f => f.Path.StartsWith("renditions/", StringComparison.Ordinal));
        long bytes = manifest.Files.Sum(f => f.Bytes);
        string gone = manifest.DeletedWhileCopying > 0
            ? string.Create(CultureInfo.InvariantCulture, $"; {manifest.DeletedWhileCopying} store files deleted while copying (withdrawn or due), left out")
            : string.Empty;
        return string.Create(CultureInfo.InvariantCulture,
            $"{what}: database, {masters} master files, {renditions} rendition files{(manifest.MasterKeyIncluded ? ", master.key" : string.Empty)}; {bytes} bytes; taken {manifest.TakenAt:u}{gone}");
    }
}
