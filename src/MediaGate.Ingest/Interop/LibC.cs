using System.Runtime.InteropServices;

namespace MediaGate.Ingest.Interop;

/// <summary>
/// The few POSIX calls .NET does not expose: open without blocking (a FIFO must not hang the run) and statx,
/// whose struct has one layout on every Linux architecture (unlike struct stat), for the file type and the
/// device and inode that identify a file or folder whatever path reached it.
/// </summary>
internal static unsafe partial class LibC
{
    private const string Library = "libc";

    public const int AtFdCwd = -100;            // AT_FDCWD
    public const int AtEmptyPath = 0x1000;      // AT_EMPTY_PATH: statx of the descriptor itself
    public const int AtSymlinkNoFollow = 0x100; // AT_SYMLINK_NOFOLLOW
    public const uint StatxBasic = 0x7FF;       // STATX_BASIC_STATS

    // Same values on x86-64 and arm64 (O_NOFOLLOW is not: the opened handle's type is checked instead).
    public const int OpenReadOnly = 0;          // O_RDONLY
    public const int OpenNonBlocking = 0x800;   // O_NONBLOCK
    public const int OpenCloseOnExec = 0x80000; // O_CLOEXEC

    public const ushort TypeMask = 0xF000;      // S_IFMT
    public const ushort TypeRegular = 0x8000;   // S_IFREG
    public const ushort TypeDirectory = 0x4000; // S_IFDIR
    public const ushort TypeLink = 0xA000;      // S_IFLNK

    [LibraryImport(Library, EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int Open(string path, int flags);

    [LibraryImport(Library, EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int StatX(int directoryFd, string path, int flags, uint mask, StatXBuffer* buffer);

    /// <summary>struct statx (linux/stat.h), 256 bytes; only the fields MediaGate reads are named.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    public struct StatXBuffer
    {
        [FieldOffset(28)]
        public ushort stx_mode;

        [FieldOffset(32)]
        public ulong stx_ino;

        [FieldOffset(40)]
        public ulong stx_size;

        [FieldOffset(136)]
        public uint stx_dev_major;

        [FieldOffset(140)]
        public uint stx_dev_minor;
    }
}
