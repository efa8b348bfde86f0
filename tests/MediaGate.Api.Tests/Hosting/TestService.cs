using System.Net.Http.Headers;
using MediaGate.Api.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace MediaGate.Api.Tests.Hosting;

/// <summary>
/// The real service (<see cref="ServiceApp"/>) on Kestrel at a free loopback port, over its own empty data
/// folder, with an HttpClient pointed at it. Disposing stops it and deletes the folder.
/// </summary>
internal sealed class TestService : IAsyncDisposable
{
    private readonly TempFolder _folder;
    private readonly bool _ownsFolder;

    private TestService(TempFolder folder, bool ownsFolder, WebApplication app, Uri address)
    {
        _folder = folder;
        _ownsFolder = ownsFolder;
        App = app;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public string DataDirectory => _folder.Combine("data");

    public IServiceProvider Services => App.Services;

    /// <summary>
    /// Starts the service; <paramref name="overrides"/> are settings as <c>mediagate.json</c> would give them.
    /// A <paramref name="folder"/> given by the caller is left for the caller to delete (to start twice on it).
    /// </summary>
    public static async Task<TestService> StartAsync(
        IReadOnlyDictionary<string, string?>? overrides = null,
        Action<IServiceCollection>? configureServices = null,
        bool authorizationStandIn = true,
        TempFolder? folder = null)
    {
        bool ownsFolder = folder is null;
        folder ??= new TempFolder();
        var settings = new ServeSettings(folder.Combine("data"), "http://127.0.0.1:0") { Overrides = overrides ?? new Dictionary<string, string?>() };
        WebApplication? app = null;
        try
        {
            app = ServiceApp.Build(settings, services =>
            {
                if (authorizationStandIn)
                {
                    AuthorizationStandIn.Add(services);
                }

                configureServices?.Invoke(services);
            });
            await app.StartAsync();
            string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new TestService(folder, ownsFolder, app, new Uri(address));
        }
        catch
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }

            if (ownsFolder)
            {
                folder.Dispose();
            }

            throw;
        }
    }

    /// <summary>A request as the given role (through <see cref="AuthorizationStandIn"/>).</summary>
    public static HttpRequestMessage As(string role, HttpMethod method, string path, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue(AuthorizationStandIn.SchemeName, role);
        return request;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        if (_ownsFolder)
        {
            _folder.Dispose();
        }
    }
}
