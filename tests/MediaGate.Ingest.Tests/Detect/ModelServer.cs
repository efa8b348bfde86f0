using System.Net;
using System.Net.Sockets;

namespace MediaGate.Ingest.Tests.Detect;

/// <summary>
/// A local HTTP server on 127.0.0.1 that serves the files of a folder (../shared/models) by name, as the models'
/// public sources would; <see cref="Tamper"/> changes what it sends. Stands in for the network in the fetch tests.
/// </summary>
internal sealed class ModelServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly string _folder;
    private readonly Task _serving;

    public ModelServer(string folder)
    {
        _folder = folder;
        BaseUrl = $"http://127.0.0.1:{FreePort()}/models/";
        _listener.Prefixes.Add(BaseUrl);
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public string BaseUrl { get; }

    /// <summary>Applied to each file's bytes before they are sent.</summary>
    public Func<string, byte[], byte[]> Tamper { get; init; } = (_, bytes) => bytes;

    /// <summary>A port nothing listens on (taken from the system, then released).</summary>
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public void Dispose()
    {
        _listener.Close();
        try
        {
            _serving.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener was closed under a pending GetContextAsync: that is how serving ends.
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var response = context.Response;
            var name = Path.GetFileName(context.Request.Url?.AbsolutePath ?? "");
            var path = Path.Combine(_folder, name);
            if (name.Length == 0 || !File.Exists(path))
            {
                response.StatusCode = 404;
                continue;
            }

            var bytes = Tamper(name, await File.ReadAllBytesAsync(path));
            response.ContentLength64 = bytes.Length;
            await response.OutputStream.WriteAsync(bytes);
        }
    }
}
