using System.CommandLine;
using MediaGate.Api.Hosting;
using MediaGate.Ingest.Concurrency;
using Microsoft.Extensions.Options;

namespace MediaGate.Cli;

/// <summary>
/// <c>mediagate serve [--data DIR] [--urls URL] [--models DIR]</c>: runs the service (api.md, Command line) until Ctrl+C or
/// SIGTERM. A configuration that does not validate, or a database that cannot be opened, stops the start
/// with one line on stderr and exit code 1.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var data = new Option<DirectoryInfo>("--data")
        {
            Description = "The data folder: SQLite database, folder stores and the generated master key unless configured otherwise.",
            DefaultValueFactory = _ => new DirectoryInfo("data"),
        };
        var urls = new Option<string?>("--urls") { Description = $"Where to listen, e.g. http://0.0.0.0:8080 (default {ServeSettings.DefaultUrls})." };
        var models = new Option<DirectoryInfo?>("--models") { Description = "Folder of extra model files, as for detect (default: Ingest:ModelsDir or $MEDIAGATE_MODELS_DIR)." };
        var command = new Command("serve", "Run the MediaGate service: tablets upload, parents view, the manager reviews, the website pulls.") { data, urls, models };
        command.SetAction(async (parse, cancel) =>
        {
            var error = parse.InvocationConfiguration.Error;
            // --models as detect and anonymise take it: the same folder the CLI was tried with runs the service.
            var settings = new ServeSettings(parse.GetValue(data)!.FullName, parse.GetValue(urls))
            {
                Overrides = parse.GetValue(models) is { } folder ? new Dictionary<string, string?> { ["Ingest:ModelsDir"] = folder.FullName } : new Dictionary<string, string?>(),
            };
            // Before the service's threads start: ServiceMemory says why.
            ServiceMemory.Configure();
            try
            {
                MediaGate.Storage.PrivateFiles.CreateFolder(settings.DataDirectory);
                await using var app = ServiceApp.Build(settings);
                await app.RunAsync(cancel);
                return 0;
            }
            catch (OptionsValidationException e)
            {
                await error.WriteLineAsync("mediagate serve: invalid configuration: " + string.Join("; ", e.Failures));
                return 1;
            }
#pragma warning disable CA1031 // A failed start is one clear line and exit 1; the JSON log has the details.
            catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
            {
                await error.WriteLineAsync("mediagate serve: could not start: " + e.Message);
                return 1;
            }
        });
        return command;
    }
}
