using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Runtime.InteropServices;

namespace MediaGate.Testing.Service;

/// <summary>
/// One real <c>mediagate serve</c> process (api.md, "serve"): started with <c>dotnet mediagate.dll serve --data DIR
/// --urls http://127.0.0.1:PORT</c> and the settings' environment, ready once <c>/health/ready</c> answers 200. Its
/// stdout and stderr go to <see cref="LogPath"/> (named in every failure). <see cref="Kill"/> is SIGKILL, as a
/// crash would be; <see cref="StopAsync"/> is SIGTERM, as a deployment would stop it.
/// </summary>
internal sealed partial class ServiceProcess : IAsyncDisposable
{
    private const int SigTerm = 15;
    private static readonly TimeSpan ReadyLimit = TimeSpan.FromSeconds(120);
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly object _logLock = new();

    private ServiceProcess(Process process, StreamWriter log, string logPath, Uri address, ServiceSettings settings)
    {
        _process = process;
        _log = log;
        LogPath = logPath;
        Address = address;
        Settings = settings;
    }

    /// <summary>
    /// The service's own build output, set by the running test or bench project (its entry assembly) from its
    /// ProjectReference; MEDIAGATE_SERVICE_DLL overrides.
    /// </summary>
    public static string ServiceDll { get; } =
        Environment.GetEnvironmentVariable("MEDIAGATE_SERVICE_DLL") is { Length: > 0 } configured
            ? configured
            : Assembly.GetEntryAssembly()?.GetCustomAttributes<AssemblyMetadataAttribute>()
                .FirstOrDefault(a => a.Key == "MediaGateServiceDll")?.Value
              ?? throw new InvalidOperationException("no MediaGateServiceDll assembly metadata");

    public Uri Address { get; }

    public string LogPath { get; }

    public ServiceSettings Settings { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the service and waits until it reports ready; a process that exits or never gets ready throws with its log.</summary>
    public static async Task<ServiceProcess> StartAsync(ServiceSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!File.Exists(ServiceDll))
        {
            throw new InvalidOperationException($"{ServiceDll} is missing: build src/MediaGate.Cli first");
        }

        Directory.CreateDirectory(settings.DataFolder);
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = settings.DataFolder,
        };
        foreach (var argument in new[] { ServiceDll, "serve", "--data", settings.DataFolder, "--urls", address.ToString().TrimEnd('/') })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in settings.Environment)
        {
            start.Environment[name] = value;
        }

        var logPath = Path.Combine(settings.WorkFolder, $"{settings.Name}-{Guid.NewGuid():N}.log");
        var log = new StreamWriter(logPath) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        var service = new ServiceProcess(process, log, logPath, address, settings);
        process.OutputDataReceived += (_, e) => service.Append(e.Data);
        process.ErrorDataReceived += (_, e) => service.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await service.WaitUntilReadyAsync(cancellationToken);
            return service;
        }
        catch
        {
            await service.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts several services at once (their start-ups overlap, which keeps the suite short).</summary>
    public static async Task<ServiceProcess[]> StartAllAsync(params ServiceSettings[] settings)
    {
        var starts = settings.Select(s => StartAsync(s)).ToArray();
        try
        {
            return await Task.WhenAll(starts);
        }
        catch
        {
            foreach (var started in starts.Where(t => t.IsCompletedSuccessfully))
            {
                await started.Result.DisposeAsync();
            }

            throw;
        }
    }

    /// <summary>SIGKILL: no shutdown code runs, as in a power cut or an OOM kill.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: false);
            _process.WaitForExit();
        }
    }

    /// <summary>SIGTERM and wait for the host's graceful shutdown (killed if it takes longer than the limit).</summary>
    public async Task StopAsync(TimeSpan? limit = null)
    {
        if (_process.HasExited)
        {
            return;
        }

        _ = SendSignal(_process.Id, SigTerm);
        using var timeout = new CancellationTokenSource(limit ?? TimeSpan.FromSeconds(30));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
        }
    }

    /// <summary>Peak resident memory of the server so far (VmHWM in /proc/PID/status), in bytes; null once it has exited.</summary>
    public long? PeakResidentBytes()
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{_process.Id.ToString(CultureInfo.InvariantCulture)}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    var kilobytes = long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                    return kilobytes * 1024;
                }
            }
        }
        catch (IOException)
        {
        }

        return null;
    }

    /// <summary>The last lines of the server's log, for failure messages.</summary>
    public string LogTail(int lines = 60)
    {
        lock (_logLock)
        {
            _log.Flush();
        }

        try
        {
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            var all = reader.ReadToEnd().Split('\n');
            return $"--- {LogPath} (last {lines} lines) ---\n" + string.Join('\n', all.TakeLast(lines));
        }
        catch (IOException e)
        {
            return $"(log {LogPath} unreadable: {e.Message})";
        }
    }

    public HttpClient CreateHttpClient() => new() { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(100) };

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(15));
        _process.Dispose();
        lock (_logLock)
        {
            _log.Dispose();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int pid, int signal);

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_logLock)
        {
            try
            {
                _log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        string last = "no answer";
        while (clock.Elapsed < ReadyLimit)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"mediagate serve exited with {_process.ExitCode} before it was ready\n{LogTail()}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }

                last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}";
            }
            catch (HttpRequestException e)
            {
                last = e.Message;
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                last = "timed out";
            }

            await Task.Delay(200, cancellationToken);
        }

        throw new TimeoutException($"mediagate serve was not ready within {ReadyLimit} (last: {last})\n{LogTail()}");
    }
}
