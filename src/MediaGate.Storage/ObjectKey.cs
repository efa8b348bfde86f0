using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace MediaGate.Storage;

/// <summary>
/// The name of a stored object, validated once so that no store ever sees a key that could leave its root:
/// lowercase letters, digits and <c>/ _ . -</c>, 1 to 201 characters, segments separated by single slashes,
/// every segment starting with a letter or digit (so no <c>..</c>, no <c>.</c>, no hidden names, no leading
/// slash, no empty segment). Segments that start with a dot are reserved for the stores' temporary files.
/// </summary>
public sealed partial record ObjectKey
{
    private ObjectKey(string value) => Value = value;

    /// <summary>The key as text, e.g. <c>masters/2026/11/abc.jpg</c>.</summary>
    public string Value { get; }

    /// <summary>The key's segments, split at slashes.</summary>
    public IReadOnlyList<string> Segments => Value.Split('/');

    public static ObjectKey Parse(string value) =>
        TryParse(value, out var key)
            ? key
            : throw new ObjectStoreException(ObjectStoreFailureKind.InvalidKey, "The object key is not valid (lowercase letters, digits and / _ . - only, no empty or dot segments).");

    public static bool TryParse(string? value, [NotNullWhen(true)] out ObjectKey? key)
    {
        key = null;
        if (value is null || !Shape().IsMatch(value))
        {
            return false;
        }

        foreach (var segment in value.Split('/'))
        {
            // Empty segments ("a//b", "a/") and segments that do not start with a letter or digit ("..", ".x")
            // are refused: the first character of every segment is what keeps a key from naming a parent folder.
            if (segment.Length == 0 || !char.IsAsciiLetterLower(segment[0]) && !char.IsAsciiDigit(segment[0]))
            {
                return false;
            }
        }

        key = new ObjectKey(value);
        return true;
    }

    public override string ToString() => Value;

    // \z, not $: $ also matches before a final newline, which would let "a\n" through.
    [GeneratedRegex(@"^[a-z0-9][a-z0-9/_.-]{0,200}\z", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Shape();
}
