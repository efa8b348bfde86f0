using System.Runtime.InteropServices;
using MediaGate.Ingest.Interop;
using Microsoft.Win32.SafeHandles;

namespace MediaGate.Ingest.Sniff;

/// <summary>
/// Reads an input file into memory, bounded (style.md, Untrusted bytes: "special files never reach a codec;
/// reads are bounded by the limit, not by what stat says"). The path is opened without blocking (a FIFO
/// would otherwise wait forever for a writer), the opened handle must be a regular file (not a device such
/// as /dev/zero, a FIFO or a folder, whatever link led there), and at most MaxBytes + 1 bytes are read,
/// so a file that grows or lies about its size is still refused as too large.
/// </summary>
public static class RegularFileReader
{
    public static Outcome<byte[]> Read(string path, long maxBytes)
    {
        var opened = Open(path);
        if (!opened.IsSuccess)
        {
            return opened.Failure;
        }

        var (handle, identity) = opened.Value;
        using (handle)
        {
            return identity.Size > maxBytes ? TooLarge(identity.Size, maxBytes) : ReadBounded(handle, identity.Size, maxBytes);
        }
    }

    /// <summary>
    /// At most <paramref name="count"/> first bytes of a regular file, opened as <see cref="Read"/> opens one (a FIFO or a
    /// device yields nothing); null when it cannot be opened or read.
    /// </summary>
    public static byte[]? ReadHead(string path, int count)
    {
        var opened = Open(path);
        if (!opened.IsSuccess)
        {
            return null;
        }

        using var handle = opened.Value.Handle;
        var head = new byte[count];
        try
        {
            return head[..RandomAccess.Read(handle, head, 0)];
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Opens <paramref name="path"/> without blocking and checks that the opened handle is a regular file.</summary>
    private static Outcome<(SafeFileHandle Handle, FileIdentity Identity)> Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        int fd = LibC.Open(path, LibC.OpenReadOnly | LibC.OpenNonBlocking | LibC.OpenCloseOnExec);
        if (fd < 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            return Outcome<(SafeFileHandle, FileIdentity)>.Fail(IngestFailureKind.Io, $"Cannot open the file: {Marshal.GetPInvokeErrorMessage(errno)}.");
        }

        var handle = new SafeFileHandle(fd, ownsHandle: true);
        var identity = FileIdentity.Of(fd);
        string? problem = identity switch
        {
            null => "Cannot read the file's type.",
            { IsRegularFile: false } other => $"Not a regular file ({TypeName(other.Type)}); only regular files are read.",
            _ => null,
        };
        if (problem is not null)
        {
            handle.Dispose();
            return Outcome<(SafeFileHandle, FileIdentity)>.Fail(IngestFailureKind.Io, problem);
        }

        return (handle, identity!.Value);
    }

    /// <summary>Reads until end of file or MaxBytes + 1 bytes, whichever comes first; stat's size is only a first guess.</summary>
    private static Outcome<byte[]> ReadBounded(SafeFileHandle handle, long statSize, long maxBytes)
    {
        long cap = maxBytes + 1;
        var buffer = new byte[(int)Math.Min(Math.Max(statSize, 4096), Math.Min(cap, Array.MaxLength))];
        long total = 0;
        Span<byte> probe = stackalloc byte[1];
        while (true)
        {
            if (total == buffer.Length)
            {
                if (total >= cap)
                {
                    break;
                }

                // Full as stat said: one byte more tells whether the file really ends here. Growing to find out
                // copied every file once more, and the copy below once again (three copies of a 64 MB file).
                int more;
                try
                {
                    more = RandomAccess.Read(handle, probe, total);
                }
                catch (IOException e)
                {
                    return Outcome<byte[]>.Fail(IngestFailureKind.Io, "Reading the file failed: " + e.Message);
                }

                if (more == 0)
                {
                    break;
                }

                Array.Resize(ref buffer, (int)Math.Min(Math.Min(cap, Array.MaxLength), buffer.Length * 2L));
                buffer[(int)total] = probe[0];
                total++;
                continue;
            }

            int read;
            try
            {
                read = RandomAccess.Read(handle, buffer.AsSpan((int)total), total);
            }
            catch (IOException e)
            {
                return Outcome<byte[]>.Fail(IngestFailureKind.Io, "Reading the file failed: " + e.Message);
            }

            if (read == 0)
            {
                break;
            }

            total += read;
        }

        if (total > maxBytes)
        {
            return TooLarge(total, maxBytes);
        }

        return total == buffer.Length ? buffer : buffer[..(int)total];
    }

    private static Outcome<byte[]> TooLarge(long size, long maxBytes) =>
        Outcome<byte[]>.Fail(IngestFailureKind.TooManyBytes, $"The file has more than {maxBytes} bytes (at least {size}); the limit is {maxBytes}.");

    private static string TypeName(ushort type) => type switch
    {
        0x1000 => "a FIFO",
        0x2000 => "a character device",
        0x6000 => "a block device",
        0x4000 => "a folder",
        0xC000 => "a socket",
        _ => "type " + type.ToString("X", System.Globalization.CultureInfo.InvariantCulture),
    };
}
