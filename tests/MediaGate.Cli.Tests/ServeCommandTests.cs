using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace MediaGate.Cli.Tests;

/// <summary><c>mediagate serve</c> as a real process: configuration from files and MEDIAGATE_ variables, start and stop.</summary>
[TestClass]
public sealed class ServeCommandTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    [TestMethod]
    public async Task Serve_EmptyDataFolder_BecomesReadySignsInTheBootstrapManagerAndStopsOnSigterm()
    {
        using var folder = new TempFolder();
        int port = FreePort();
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var process = Start(folder.Path, new() { ["MEDIAGATE_BOOTSTRAP_MANAGER"] = "head:correct-horse-battery" }, log,
            "serve", "--data", folder.Combine("data"), "--urls", $"http://127.0.0.1:{port}");
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await WaitForReadyAsync(client, process);

            using var session = await client.PostAsJsonAsync(new Uri("/api/session", UriKind.Relative), new { username = "head", password = "correct-horse-battery" });
            using var body = JsonDocument.Parse(await session.Content.ReadAsStringAsync());

            Assert.AreEqual(HttpStatusCode.OK, session.StatusCode);
            Assert.AreEqual("manager", body.RootElement.GetProperty("role").GetString());
            Assert.IsTrue(File.Exists(folder.Combine("data", "mediagate.db")));
            Assert.IsTrue(File.Exists(folder.Combine("data", "master.key")));
        }
        finally
        {
            using var term = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await term.WaitForExitAsync();
        }

        using var stopping = new CancellationTokenSource(Limit);
        await process.WaitForExitAsync(stopping.Token);
        Assert.AreEqual(0, process.ExitCode);
        // Structured logs: every stdout line is one JSON event with a UTC timestamp and a level.
        Assert.IsNotEmpty(log);
        foreach (string line in log)
        {
            using var entry = JsonDocument.Parse(line);
            StringAssert.EndsWith(entry.RootElement.GetProperty("Timestamp").GetString(), "Z");
            Assert.IsTrue(entry.RootElement.TryGetProperty("LogLevel", out _));
        }
    }

    [TestMethod]
    public async Task Serve_ConfigurationFileWithPostgreSqlButNoConnectionString_ExitsOneNamingTheSetting()
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.Combine("mediagate.json"), """{ "Database": { "Provider": "PostgreSql" } }""");

        var (exit, stderr) = await RunToEndAsync(folder.Path, new(), "serve", "--data", folder.Combine("data"), "--urls", $"http://127.0.0.1:{FreePort()}");

        Assert.AreEqual(1, exit, stderr);
        StringAssert.Contains(stderr, "invalid configuration");
        StringAssert.Contains(stderr, "Database:ConnectionString");
    }

    [TestMethod]
    public async Task Serve_EnvironmentVariableWithABadTimeZone_ExitsOneNamingTheSetting()
    {
        using var folder = new TempFolder();

        var (exit, stderr) = await RunToEndAsync(folder.Path, new() { ["MEDIAGATE_Nursery__TimeZone"] = "Nowhere/Never" },
            "serve", "--data", folder.Combine("data"), "--urls", $"http://127.0.0.1:{FreePort()}");

        Assert.AreEqual(1, exit, stderr);
        StringAssert.Contains(stderr, "Nursery:TimeZone");
    }

    [TestMethod]
    public async Task Serve_ModelsOptionNamingAMissingFolder_ExitsOneNamingTheFolder()
    {
        using var folder = new TempFolder();
        var missing = folder.Combine("no-models-here");

        var (exit, stderr) = await RunToEndAsync(folder.Path, new(),
            "serve", "--data", folder.Combine("data"), "--urls", $"http://127.0.0.1:{FreePort()}", "--models", missing);

        // The option is taken (as detect and anonymise take it) and used: the folder it names is checked at start.
        Assert.AreEqual(1, exit, stderr);
        StringAssert.Contains(stderr, $"The models folder '{missing}'");
    }

    private static Process Start(string workingDirectory, Dictionary<string, string> environment, params string[] args) =>
        Start(workingDirectory, environment, new System.Collections.Concurrent.ConcurrentQueue<string>(), args);

    private static Process Start(string workingDirectory, Dictionary<string, string> environment, System.Collections.Concurrent.ConcurrentQueue<string> stdout, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "mediagate.dll"));
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach ((string name, string value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        // Drained so that a chatty log never blocks the server on a full pipe.
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                stdout.Enqueue(line.Data);
            }
        };
        process.BeginOutputReadLine();
        return process;
    }

    private static async Task<(int Exit, string Stderr)> RunToEndAsync(string workingDirectory, Dictionary<string, string> environment, params string[] args)
    {
        using var process = Start(workingDirectory, environment, args);
        using var timeout = new CancellationTokenSource(Limit);
        Task<string> stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stderr);
    }

    private static async Task WaitForReadyAsync(HttpClient client, Process process)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Limit)
        {
            if (process.HasExited)
            {
                Assert.Fail("serve exited: " + await process.StandardError.ReadToEndAsync());
            }

            try
            {
                using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        Assert.Fail("serve did not become ready within " + Limit);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
