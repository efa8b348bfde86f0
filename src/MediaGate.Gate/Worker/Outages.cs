using System.Data.Common;
using System.Net.Sockets;
using MediaGate.Storage;
using Microsoft.Data.Sqlite;

namespace MediaGate.Gate.Worker;

/// <summary>
/// The one place that tells a failure of the service's surroundings (a store or the database away, a full disk) from a
/// failure of the photo itself (issue 13). An outage never counts against <c>Gate:MaxAttempts</c>: the item waits and is
/// tried again. Anything not known to be an outage counts (fail closed: an unknown fault is never retried for ever).
/// </summary>
public static class Outages
{
    /// <summary>Linux's ENOSPC, which .NET gives an <see cref="IOException"/> as its HResult on Unix.</summary>
    private const int Enospc = 28;

    /// <summary>Windows' ERROR_DISK_FULL and ERROR_HANDLE_DISK_FULL as HRESULTs.</summary>
    private const int DiskFull = unchecked((int)0x80070070);
    private const int HandleDiskFull = unchecked((int)0x80070027);

    /// <summary>SQLite's SQLITE_FULL (the database or its journal could not grow).</summary>
    private const int SqliteFull = 13;

    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteIoError = 10;
    private const int SqliteCantOpen = 14;

    /// <summary>SQLSTATE classes of a database that is away or short of resources: connection, insufficient resources, shut down.</summary>
    private static readonly string[] UnavailableStates = ["08", "53", "57"];

    /// <summary>
    /// Whether the exception, or one inside it, says a store or the database was away or full. A database error about the
    /// data itself (a constraint, a value the database refuses) is not one: retried for ever, it would never reach a person.
    /// </summary>
    public static bool IsOutage(Exception exception) => Any(exception, e => e switch
    {
        ObjectStoreException store => store.Kind == ObjectStoreFailureKind.Unavailable,
        SqliteException sqlite => sqlite.SqliteErrorCode is SqliteBusy or SqliteLocked or SqliteIoError or SqliteFull or SqliteCantOpen,
        DbException db => db.IsTransient || db.SqlState is { Length: 5 } state && UnavailableStates.Any(c => state.StartsWith(c, StringComparison.Ordinal)),
        TimeoutException or HttpRequestException or SocketException => true,
        IOException io => io is not (FileNotFoundException or DirectoryNotFoundException or EndOfStreamException),
        _ => false,
    });

    /// <summary>Whether the exception, or one inside it, says a disk or the database is full (ENOSPC, SQLITE_FULL).</summary>
    public static bool IsOutOfSpace(Exception exception) => Any(exception, e => e switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteFull,
        IOException io => io.HResult is Enospc or DiskFull or HandleDiskFull,
        _ => false,
    });

    private static bool Any(Exception? exception, Func<Exception, bool> test)
    {
        for (int depth = 0; exception is not null && depth < 16; depth++)
        {
            if (test(exception))
            {
                return true;
            }

            if (exception is AggregateException aggregate && aggregate.InnerExceptions.Any(inner => Any(inner, test)))
            {
                return true;
            }

            exception = exception.InnerException;
        }

        return false;
    }
}
