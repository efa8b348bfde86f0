using System.Runtime.InteropServices;

namespace MediaGate.Storage.Folder;

/// <summary>
/// The two POSIX calls .NET does not expose: link(2), which publishes a finished file under its final name
/// atomically and only if that name is free (rename(2) would silently replace it), and fsync(2) on a folder,
/// which makes the new name itself durable (fsync of the file alone does not).
/// </summary>
internal static partial class NativeFileSystem
{
    private const int EEXIST = 17;
    private const int OpenReadOnlyDirectory = 0x10000; // O_RDONLY | O_DIRECTORY on Linux

    /// <summary>Links <paramref name="existing"/> under <paramref name="newName"/>; false when the new name is taken.</summary>
    public static bool TryLink(string existing, string newName)
    {
        if (Link(existing, newName) == 0)
        {
            return true;
        }

        var errno = Marshal.GetLastPInvokeError();
        return errno == EEXIST
            ? false
            : throw new IOException($"link failed with errno {errno}");
    }

    /// <summary>Flushes a folder's entries to disk, so that a name just created there survives a power cut.</summary>
    public static void SyncDirectory(string path)
    {
        var fd = Open(path, OpenReadOnlyDirectory);
        if (fd < 0)
        {
            throw new IOException($"open of a folder for fsync failed with errno {Marshal.GetLastPInvokeError()}");
        }

        try
        {
            if (Fsync(fd) != 0)
            {
                throw new IOException($"fsync of a folder failed with errno {Marshal.GetLastPInvokeError()}");
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "link", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Link(string existing, string newName);

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
