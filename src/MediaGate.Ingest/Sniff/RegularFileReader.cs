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
        ArgumentNullException.ThrowIfNull(path);
        int fd = LibC.Open(path, LibC.OpenReadOnly | LibC.OpenNonBlocking | LibC.OpenCloseOnExec);
        if (fd < 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            return Outcome<byte[]>.Fail(IngestFailureKind.Io, $"Cannot open the file: {Marshal.GetPInvokeErrorMessage(errno)}.");
        }

        using var handle = new SafeFileHandle(fd, ownsHandle: true);
        if (FileIdentity.Of(fd) is not { } identity)
        {
            return Outcome<byte[]>.Fail(IngestFailureKind.Io, "Cannot read the file's type.");
        }

        if (!identity.IsRegularFile)
        {
            return Outcome<byte[]>.Fail(IngestFailureKind.Io, $"Not a regular file ({TypeName(identity.Type)}); only regular files are read.");
        }

        if (identity.Size > maxBytes)
        {
            return TooLarge(identity.Size, maxBytes);
        }

        return ReadBounded(handle, identity.Size, maxBytes);
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
