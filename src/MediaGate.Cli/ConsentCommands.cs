using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using MediaGate.Consent.People;
using MediaGate.Consent.Reports;
using MediaGate.Data;

namespace MediaGate.Cli;

/// <summary>
/// <c>mediagate consent import FILE | export | show CHILD | bench</c> on the embedded SQLite database
/// (<c>&lt;--data&gt;/mediagate.db</c>, created with its schema on first use). Errors are one clear line on
/// stderr and exit code 1, never a stack trace.
/// </summary>
internal static class ConsentCommands
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create() => new("consent", "Keep the consent matrix: import and export it as CSV, show a child's consent and history.")
    {
        Import(),
        Export(),
        Show(),
        Bench(),
    };

    private static Command Import()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The consent CSV (one row per child; see the README for its columns)." };
        var data = DataCommands.DataOption();
        var command = new Command("import", "Import the consent matrix from CSV: all rows or, on any bad row, none.") { file, data };
        command.SetAction((parse, cancel) => DataCommands.Guarded(parse, async (output, error) =>
        {
            var path = parse.GetValue(file)!;
            using var reader = new StreamReader(path.FullName);
            await using var database = await DataCommands.OpenAsync(parse, data, cancel);
            var outcome = await new ConsentCsvTransfer(database, TimeProvider.System).ImportAsync(reader, cancel);
            if (!outcome.IsSuccess)
            {
                await error.WriteLineAsync($"{path.Name} {outcome.Problem}; nothing was imported");
                return 1;
            }

            await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"imported {path.Name}: {outcome.Value.NewChildren.Count} new children, {outcome.Value.Records.Count} new consent records"));
            return 0;
        }));
        return command;
    }

    private static Command Export()
    {
        var data = DataCommands.DataOption();
        var command = new Command("export", "Write the consent matrix as it stands now as CSV to stdout.") { data };
        command.SetAction((parse, cancel) => DataCommands.Guarded(parse, async (output, _) =>
        {
            await using var database = await DataCommands.OpenAsync(parse, data, cancel);
            await new ConsentCsvTransfer(database, TimeProvider.System).ExportAsync(output, cancel);
            return 0;
        }));
        return command;
    }

    private static Command Show()
    {
        var child = new Argument<string>("CHILD") { Description = "The child's id (or their name, when only one child has it)." };
        var data = DataCommands.DataOption();
        var json = new Option<bool>("--json") { Description = "Print JSON instead of text." };
        var command = new Command("show", "Show a child's consent cells now and their full history.") { child, data, json };
        command.SetAction((parse, cancel) => DataCommands.Guarded(parse, async (output, error) =>
        {
            await using var database = await DataCommands.OpenAsync(parse, data, cancel);
            var matrix = await database.Consents.LoadMatrixAsync(cancel);
            var wanted = parse.GetValue(child)!;
            var found = matrix.Children.TryGetValue(new ChildId(wanted), out var byId)
                ? [byId]
                : matrix.Children.Values.Where(c => string.Equals(c.Name, wanted, StringComparison.OrdinalIgnoreCase)).ToArray();
            if (found.Length != 1)
            {
                await error.WriteLineAsync(found.Length == 0 ? $"no child '{wanted}'" : $"{found.Length} children are called '{wanted}': give the id");
                return 1;
            }

            // The setting's local date decides lapsing: the server runs in the nursery's time zone.
            var report = ChildConsentReport.Create(matrix, found[0], matrix.Now(TimeProvider.System, TimeZoneInfo.Local));
            await output.WriteAsync(parse.GetValue(json) ? JsonSerializer.Serialize(report, Json) + "\n" : report.ToText());
            return 0;
        }));
        return command;
    }

    private static Command Bench()
    {
        var iterations = new Option<int>("--iterations") { Description = "Decisions to time.", DefaultValueFactory = _ => 20_000 };
        var command = new Command("bench", "Time the decision for a 30-face group photo under a 200-child matrix.") { iterations };
        command.SetAction((parse, cancel) => DataCommands.Guarded(parse, async (output, _) =>
        {
            await output.WriteLineAsync(DecisionBenchmark.Run(Math.Max(1, parse.GetValue(iterations))).ToString());
            return 0;
        }));
        return command;
    }
}
