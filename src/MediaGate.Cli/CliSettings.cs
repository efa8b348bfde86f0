using System.ComponentModel.DataAnnotations;
using MediaGate.Ingest;

namespace MediaGate.Cli;

/// <summary>
/// Settings for the command-line verbs: the "Ingest" section of an optional `mediagate.json` in the working
/// folder, overridden by environment variables (`MEDIAGATE_Ingest__Limits__MaxPixels=20000000`). Checked
/// before any file is touched: a bad value stops the run with a message, never a half-done batch.
/// </summary>
internal static class CliSettings
{
    public static Outcome<IngestOptions> LoadIngestOptions()
    {
        IConfigurationRoot configuration;
        try
        {
            configuration = new ConfigurationBuilder()
                .SetBasePath(Directory.GetCurrentDirectory())
                .AddJsonFile("mediagate.json", optional: true)
                .AddEnvironmentVariables("MEDIAGATE_")
                .Build();
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or IOException)
        {
            return new IngestFailure(IngestFailureKind.Io, "mediagate.json: " + e.Message);
        }

        var options = new IngestOptions();
        try
        {
            configuration.GetSection("Ingest").Bind(options);
        }
        catch (InvalidOperationException e)
        {
            return new IngestFailure(IngestFailureKind.Io, "Invalid setting: " + (e.InnerException?.Message ?? e.Message));
        }

        var errors = new List<ValidationResult>();
        bool valid = Validator.TryValidateObject(options, new ValidationContext(options), errors, validateAllProperties: true)
            & Validator.TryValidateObject(options.Limits, new ValidationContext(options.Limits), errors, validateAllProperties: true)
            & Validator.TryValidateObject(options.Mask, new ValidationContext(options.Mask), errors, validateAllProperties: true);
        return valid
            ? options
            : new IngestFailure(IngestFailureKind.Io, "Invalid setting: " + string.Join("; ", errors.Select(e => $"{string.Join(",", e.MemberNames)}: {e.ErrorMessage}")));
    }
}
