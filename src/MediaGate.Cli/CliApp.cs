using System.CommandLine;

namespace MediaGate.Cli;

/// <summary>The `mediagate` command line: one verb per job (docs: api.md, Command line).</summary>
internal static class CliApp
{
    public static RootCommand Build()
    {
        var root = new RootCommand("MediaGate: the photo and media consent gatekeeper for nurseries.")
        {
            IngestCommands.Detect(),
            IngestCommands.Strip(),
            IngestCommands.Anonymise(),
            VideoCommands.AnonymiseVideo(),
            ConsentCommands.Create(),
            AuditCommands.Create(),
            BackupCommands.Backup(),
            BackupCommands.Restore(),
            ServeCommand.Create(),
        };
        return root;
    }
}
