namespace MediaGate.Api.Endpoints;

/// <summary>MediaGate's ids: lowercase GUIDs in "N" format (32 hex digits). Anything else names nothing (404).</summary>
internal static class Ids
{
    public static bool IsId(string? text) => text is { Length: 32 } && text.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
