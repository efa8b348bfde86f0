using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace MediaGate.Testing.Servers;

/// <summary>
/// A real Azurite blob service (pinned in eng/npm, installed by eng/setup.sh) on a free loopback port with its
/// data in a temp folder; killed with its process tree and deleted at the end (environment.md, "Real services for tests").
/// </summary>
internal sealed class AzuriteServer : IDisposable
{
    /// <summary>The emulator's well-known development account key (public, documented by Azurite; not a secret).</summary>
    public const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly string _folder;

    private AzuriteServer(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => ConnectionStringFor(Port);

    public static string ConnectionStringFor(int port) =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevelopmentAccountKey};BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";

    public static AzuriteServer Start()
    {
        var folder = Path.Combine(Path.GetTempPath(), "mediagate-azurite-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return Start(folder, FreePort());
    }

    /// <summary>
    /// Stops the service as an operator would (SIGTERM: Azurite saves its data and exits), keeping its data for
    /// <see cref="StartAgain"/>. An outage for the code under test: connections are refused meanwhile.
    /// </summary>
    public void Stop()
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false }))
        {
            kill?.WaitForExit();
        }

        if (!_process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(TimeSpan.FromSeconds(30));
        }
    }

    /// <summary>Starts the service again on the same port and data after <see cref="Stop"/>; this one is then disposed of without deleting the data.</summary>
    public AzuriteServer StartAgain()
    {
        Stop();
        _process.Dispose();
        return Start(_folder, Port);
    }

    private static AzuriteServer Start(string folder, int port)
    {
        var script = Path.Combine(TestPaths.RepoRoot, "eng", "npm", "node_modules", ".bin", "azurite-blob");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"Azurite is not installed ({script} is missing; eng/setup.sh runs npm ci in eng/npm)");
        }

        var start = new ProcessStartInfo("node") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { script, "--blobHost", "127.0.0.1", "--blobPort", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--location", folder, "--skipApiVersionCheck", "--disableTelemetry", "--silent" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start node");
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new AzuriteServer(process, folder, port);
        try
        {
            server.WaitUntilAnswering(output);
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(TimeSpan.FromSeconds(30));
            }
        }
        finally
        {
            _process.Dispose();
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>A loopback port that was free a moment ago (nothing listens on it once this returns).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Polls the port until Azurite accepts connections and answers an HTTP request.</summary>
    private void WaitUntilAnswering(System.Text.StringBuilder output)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartLimit)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with {_process.ExitCode}: {output}");
            }

            try
            {
                // Any HTTP answer (403 without credentials) means the service is up.
                using var response = http.GetAsync(new Uri($"http://127.0.0.1:{Port}/devstoreaccount1?comp=list")).GetAwaiter().GetResult();
                return;
            }
            catch (HttpRequestException)
            {
                Thread.Sleep(100);
            }
        }

        throw new TimeoutException($"Azurite did not answer on port {Port} within {StartLimit}: {output}");
    }
}
