using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MediaGate.Cli;

/// <summary>Writes one JSON object per line to stdout (the per-file results of every verb).</summary>
internal static class JsonLines
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    public static void Write(JsonObject line) => Console.Out.WriteLine(line.ToJsonString(Options));

    public static JsonObject Error(string file, MediaGate.Ingest.IngestFailure failure) => new()
    {
        ["file"] = file,
        ["error"] = failure.Message,
        ["kind"] = failure.Kind.ToString(),
    };
}
