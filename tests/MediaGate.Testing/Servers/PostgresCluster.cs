using System.Net;
using System.Net.Sockets;

namespace MediaGate.Testing.Servers;

/// <summary>
/// A throw-away PostgreSQL cluster: initdb in a temp folder, started on a free loopback port, stopped and
/// deleted at the end. initdb and postgres refuse to run as root (CI runs as root), so then they run as the
/// <c>postgres</c> system user on a folder it owns (environment.md, "Real services for tests").
/// </summary>
internal sealed class PostgresCluster : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);
    private readonly string _bin;
    private readonly string _folder;
    private readonly bool _asPostgresUser;

    private PostgresCluster(string bin, string folder, bool asPostgresUser, int port)
    {
        _bin = bin;
        _folder = folder;
        _asPostgresUser = asPostgresUser;
        ConnectionString = $"Host=127.0.0.1;Port={port};Username=mediagate;Database=postgres;Timeout=30";
    }

    /// <summary>The cluster's superuser on the default database.</summary>
    public string ConnectionString { get; }

    private string DataFolder => Path.Combine(_folder, "data");

    public static PostgresCluster Start()
    {
        var bin = FindBinaries();
        var folder = Path.Combine(Path.GetTempPath(), "mediagate-pg-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var asPostgresUser = Environment.IsPrivilegedProcess;
        if (asPostgresUser)
        {
            ExternalProcess.Run("chown", ["-R", "postgres:postgres", folder], Limit);
        }

        var cluster = new PostgresCluster(bin, folder, asPostgresUser, FreePort());
        try
        {
            cluster.Pg("initdb", "-D", cluster.DataFolder, "-A", "trust", "-U", "mediagate", "-E", "UTF8", "--locale=C", "--no-sync");
            var port = cluster.ConnectionString.Split(';')[1]["Port=".Length..];
            cluster.Pg("pg_ctl", "-D", cluster.DataFolder, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60",
                "-o", $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off", "start");
            return cluster;
        }
        catch
        {
            cluster.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        try
        {
            if (File.Exists(Path.Combine(DataFolder, "postmaster.pid")))
            {
                Pg("pg_ctl", "-D", DataFolder, "-m", "immediate", "-w", "stop");
            }
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private void Pg(string tool, params string[] arguments)
    {
        var path = Path.Combine(_bin, tool);
        if (_asPostgresUser)
        {
            ExternalProcess.Run("runuser", ["-u", "postgres", "--", path, .. arguments], Limit);
        }
        else
        {
            ExternalProcess.Run(path, arguments, Limit);
        }
    }

    /// <summary>MEDIAGATE_PG_BIN, else the newest /usr/lib/postgresql/N/bin. Missing PostgreSQL fails the tests (CI installs it).</summary>
    private static string FindBinaries()
    {
        if (Environment.GetEnvironmentVariable("MEDIAGATE_PG_BIN") is { Length: > 0 } configured)
        {
            return configured;
        }

        var found = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        return found ?? throw new InvalidOperationException(
            "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb; eng/setup.sh installs the postgresql package, or set MEDIAGATE_PG_BIN)");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
