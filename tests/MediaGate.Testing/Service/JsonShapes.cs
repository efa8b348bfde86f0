using System.Globalization;
using System.Text.Json;

namespace MediaGate.Testing.Service;

/// <summary>Reads the few places where api.md leaves the outer shape open (a bare array or an object holding one).</summary>
internal static class JsonShapes
{
    public static IEnumerable<JsonElement> ArrayOf(JsonElement root, params string[] names)
    {
        if (root.ValueKind == JsonValueKind.Array)
        {
            return root.EnumerateArray().Select(e => e.Clone()).ToList();
        }

        foreach (var name in names)
        {
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var inner) && inner.ValueKind == JsonValueKind.Array)
            {
                return inner.EnumerateArray().Select(e => e.Clone()).ToList();
            }
        }

        throw new ApiException($"expected an array or an object with {string.Join('/', names)}: {root.GetRawText()}");
    }

    public static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : value.GetRawText() : "";

    public static string Invariant(double value) => value.ToString(CultureInfo.InvariantCulture);
}
