using System.Text.Json;

namespace MediaGate.Service.Tests.NurseryDay;

/// <summary>An item of an observation as the tablet sees it (<c>GET /api/tablet/observations/{id}</c>), faint marks included.</summary>
internal sealed record DayItem(string MediaId, string Status, IReadOnlyList<DayFace> Faces)
{
    public static async Task<DayItem?> ReadAsync(ApiClient tablet, string observationId)
    {
        ArgumentNullException.ThrowIfNull(tablet);
        var root = await tablet.GetJsonAsync<JsonElement>($"/api/tablet/observations/{observationId}");
        return JsonShapes.ArrayOf(root, "items").Select(Read).FirstOrDefault();
    }

    private static DayItem Read(JsonElement item)
    {
        var faces = item.TryGetProperty("faces", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(f => new DayFace(
                f.GetProperty("x").GetDouble(),
                f.GetProperty("y").GetDouble(),
                f.GetProperty("w").GetDouble(),
                f.GetProperty("h").GetDouble(),
                f.TryGetProperty("score", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetDouble() : double.NaN,
                f.TryGetProperty("childId", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null,
                f.TryGetProperty("kind", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString() : null,
                (f.TryGetProperty("faint", out var faint) && faint.ValueKind == JsonValueKind.True)
                    || (f.TryGetProperty("uncertain", out var u) && u.ValueKind == JsonValueKind.True))).ToList()
            : [];
        return new DayItem(item.GetProperty("mediaId").GetString()!, item.GetProperty("status").GetString()!, faces);
    }
}
