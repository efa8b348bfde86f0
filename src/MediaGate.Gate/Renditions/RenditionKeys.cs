using System.Security.Cryptography;
using MediaGate.Storage;

namespace MediaGate.Gate.Renditions;

/// <summary>
/// Names in the rendition store and rendition ids: random and unguessable (128 bits from the system's CSPRNG),
/// with no child name, media id or date in them (product.md: "no names anywhere: not in file names"). A key
/// ends with the fingerprint of what the rendition was made from, so a refresh with nothing changed does nothing.
/// </summary>
internal static class RenditionKeys
{
    private const string Folder = "renditions/";
    private const string Extension = ".jpg";

    /// <summary>A lowercase 32-hex-digit random id (the shape of a GUID "N").</summary>
    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public static ObjectKey New(string fingerprint) => ObjectKey.Parse($"{Folder}{NewId()}-{fingerprint}{Extension}");

    /// <summary>The fingerprint a key was made with; null for a key of another shape.</summary>
    public static string? FingerprintOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!key.StartsWith(Folder, StringComparison.Ordinal) || !key.EndsWith(Extension, StringComparison.Ordinal))
        {
            return null;
        }

        var name = key[Folder.Length..^Extension.Length];
        var dash = name.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 ? name[(dash + 1)..] : null;
    }
}
