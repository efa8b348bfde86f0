using System.Security.Cryptography;

namespace MediaGate.Storage.Tests.Support;

/// <summary>Content and keys made in code.</summary>
internal static class TestData
{
    /// <summary>Deterministic pseudo-random bytes (a seeded generator, so a failure can be reproduced).</summary>
    public static byte[] Bytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    public static string NewMasterKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static ObjectKey Key(string value) => ObjectKey.Parse(value);

    public static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        await using (stream)
        {
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            return copy.ToArray();
        }
    }

    public static string NewTempFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "mediagate-store-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }
}
