using System.CommandLine;
using MediaGate.Data;

namespace MediaGate.Cli;

/// <summary>What the verbs on the embedded database share: the <c>--data</c> option, opening, and the error rule.</summary>
internal static class DataCommands
{
    public static Option<DirectoryInfo> DataOption() => new("--data")
    {
        Description = "The data folder; the database is <data>/mediagate.db.",
        DefaultValueFactory = _ => new DirectoryInfo("data"),
    };

    public static Task<MediaGateDatabase> OpenAsync(ParseResult parse, Option<DirectoryInfo> data, CancellationToken cancel) =>
        MediaGateDatabase.OpenSqliteAsync(parse.GetValue(data)!.FullName, TimeProvider.System, cancel);

    /// <summary>Runs a verb; any failure is one line on stderr and exit code 1, never a stack trace.</summary>
    public static async Task<int> Guarded(ParseResult parse, Func<TextWriter, TextWriter, Task<int>> run)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        try
        {
            return await run(output, error);
        }
#pragma warning disable CA1031 // The CLI's promise: any failure is one line on stderr and exit code 1, never a stack trace.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            string verb = parse.CommandResult.Command.Parents.OfType<Command>().FirstOrDefault(c => c is not RootCommand)?.Name is { } parent
                ? parent + " " + parse.CommandResult.Command.Name
                : parse.CommandResult.Command.Name;
            await error.WriteLineAsync($"mediagate {verb}: {e.Message}");
            return 1;
        }
    }
}
