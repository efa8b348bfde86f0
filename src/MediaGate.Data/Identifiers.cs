namespace MediaGate.Data;

/// <summary>
/// The one rule for ids, wherever one arrives: the ids MediaGate makes (lowercase GUIDs in "N" format, 32 hex digits;
/// anything else names nothing, so a request with another shape is 404 before any lookup), and how long an id a person
/// gives may be (a child id from the consent CSV, an id in a filter): at most <see cref="MaxLength"/> characters, none
/// of them a control character.
/// </summary>
public static class Identifiers
{
    public const int MaxLength = 64;

    /// <summary>Whether <paramref name="text"/> has the shape of an id MediaGate made.</summary>
    public static bool IsGenerated(string? text) => text is { Length: 32 } && text.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    /// <summary>Whether <paramref name="text"/> may be an id given from outside (it may still name nothing).</summary>
    public static bool IsAcceptable(string? text) => !string.IsNullOrWhiteSpace(text) && text.Length <= MaxLength && !text.Any(char.IsControl);
}
