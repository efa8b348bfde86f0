using System.Runtime.InteropServices;

namespace MediaGate.Cli.Tests;

/// <summary>
/// Folder names .NET cannot make: a raw byte name (a .NET string cannot hold a name that is not valid UTF-8),
/// and a chain of folders deeper than PATH_MAX (made relative to each other with mkdirat and openat).
/// </summary>
internal static partial class NativeNames
{
    private const int OpenDirectory = 0x10000; // O_RDONLY | O_DIRECTORY on Linux

    [LibraryImport("libc", EntryPoint = "mkdir", SetLastError = true)]
    public static partial int MakeFolder([In] byte[] nullTerminatedPath, uint mode);

    /// <summary>Makes <paramref name="depth"/> nested folders named <paramref name="segment"/> under <paramref name="root"/>.</summary>
    public static void MakeDeepFolders(string root, string segment, int depth)
    {
        int fd = Open(root, OpenDirectory);
        Assert.IsGreaterThanOrEqualTo(0, fd);
        for (int i = 0; i < depth; i++)
        {
            Assert.AreEqual(0, MakeFolderAt(fd, segment, Convert.ToUInt32("755", 8)));
            int next = OpenAt(fd, segment, OpenDirectory);
            _ = Close(fd);
            Assert.IsGreaterThanOrEqualTo(0, next);
            fd = next;
        }

        _ = Close(fd);
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "openat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int OpenAt(int directoryFd, string name, int flags);

    [LibraryImport("libc", EntryPoint = "mkdirat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int MakeFolderAt(int directoryFd, string name, uint mode);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);
}
