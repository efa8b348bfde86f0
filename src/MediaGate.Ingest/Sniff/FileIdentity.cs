using MediaGate.Ingest.Interop;

namespace MediaGate.Ingest.Sniff;

/// <summary>
/// What a path names on disk: its type and the device and inode that identify it, so that two paths to one
/// file (a symbolic link, a repeated argument, a hard link) or one folder (a link loop) are seen as one.
/// </summary>
public readonly record struct FileIdentity(ulong Device, ulong Inode, ushort Type, long Size)
{
    /// <summary>Device and inode: equal for every path that reaches the same file or folder.</summary>
    public (ulong Device, ulong Inode) Key => (Device, Inode);

    public bool IsRegularFile => Type == LibC.TypeRegular;

    public bool IsDirectory => Type == LibC.TypeDirectory;

    public bool IsSymbolicLink => Type == LibC.TypeLink;

    /// <summary>What <paramref name="path"/> names, following symbolic links unless <paramref name="followLinks"/> is false; null when it cannot be read.</summary>
    public static unsafe FileIdentity? Of(string path, bool followLinks = true)
    {
        ArgumentNullException.ThrowIfNull(path);
        LibC.StatXBuffer buffer;
        int flags = followLinks ? 0 : LibC.AtSymlinkNoFollow;
        return LibC.StatX(LibC.AtFdCwd, path, flags, LibC.StatxBasic, &buffer) == 0 ? From(buffer) : null;
    }

    /// <summary>What an open descriptor refers to (the check that cannot be raced by renaming the path).</summary>
    internal static unsafe FileIdentity? Of(int fd)
    {
        LibC.StatXBuffer buffer;
        return LibC.StatX(fd, string.Empty, LibC.AtEmptyPath, LibC.StatxBasic, &buffer) == 0 ? From(buffer) : null;
    }

    private static FileIdentity From(LibC.StatXBuffer buffer) =>
        new(((ulong)buffer.stx_dev_major << 32) | buffer.stx_dev_minor, buffer.stx_ino, (ushort)(buffer.stx_mode & LibC.TypeMask), (long)Math.Min(buffer.stx_size, long.MaxValue));
}
