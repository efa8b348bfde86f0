using MediaGate.Storage;

namespace MediaGate.Gate.Tests.Support;

/// <summary>Reads what a store holds, through the store (the master store decrypts).</summary>
internal static class StoredObjects
{
    public static async Task<byte[]?> ReadAsync(IObjectStore store, string key)
    {
        var stream = await store.OpenReadAsync(ObjectKey.Parse(key));
        if (stream is null)
        {
            return null;
        }

        await using (stream)
        {
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            return copy.ToArray();
        }
    }

    public static async Task<bool> ExistsAsync(IObjectStore store, string key) => await store.ExistsAsync(ObjectKey.Parse(key));
}
