using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MediaGate.Api.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace MediaGate.Api.Tests.Hosting;

/// <summary>
/// The real service (<see cref="ServiceApp"/>, identity included) on Kestrel at a free loopback port, over its
/// own empty data folder, with an HttpClient pointed at it and the first manager bootstrapped. Requests "as a
/// role" carry a real bearer token from <c>POST /api/session</c>. Disposing stops it and deletes the folder.
/// </summary>
internal sealed class TestService : IAsyncDisposable
{
    public const string ManagerName = "boss";
    public const string ManagerPassword = "correct-horse-battery";
    private const string Password = "a-long-test-password";

    private readonly TempFolder _folder;
    private readonly bool _ownsFolder;
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _tokens = new();

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
        TempFolder? folder = null)
    {
        bool ownsFolder = folder is null;
        folder ??= new TempFolder();
        var settings = new Dictionary<string, string?> { [IdentityBootstrap.Variable] = $"{ManagerName}:{ManagerPassword}" };
        foreach ((string key, string? value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        WebApplication? app = null;
        try
        {
            app = ServiceApp.Build(new ServeSettings(folder.Combine("data"), "http://127.0.0.1:0") { Overrides = settings }, configureServices);
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

    /// <summary>A request with the bearer token of an account of <paramref name="role"/> (manager, staff or parent; one account per role).</summary>
    public async Task<HttpRequestMessage> AsAsync(string role, HttpMethod method, string path, HttpContent? content = null)
    {
        string token = await _tokens.GetOrAdd(role, r => new Lazy<Task<string>>(() => SignInAsRoleAsync(r))).Value;
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    /// <summary>The id of the bootstrapped manager's account.</summary>
    public async Task<string> ManagerIdAsync()
    {
        using var request = await AsAsync("manager", HttpMethod.Get, "/api/manager/accounts");
        using var response = await Client.SendAsync(request);
        using var accounts = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return accounts.RootElement.EnumerateArray().Single(a => a.GetProperty("username").GetString() == ManagerName).GetProperty("id").GetString()!;
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

    private async Task<string> SignInAsRoleAsync(string role)
    {
        if (role == "manager")
        {
            return await SignInAsync(ManagerName, ManagerPassword);
        }

        string username = role + "-" + Guid.NewGuid().ToString("N")[..8];
        using (var create = await AsAsync("manager", HttpMethod.Post, "/api/manager/accounts",
            JsonContent.Create(new { username, password = Password, pin = role == "staff" ? "482916" : null, role, children = Array.Empty<string>() })))
        using (var created = await Client.SendAsync(create))
        {
            Assert.AreEqual(HttpStatusCode.Created, created.StatusCode, await created.Content.ReadAsStringAsync());
        }

        return await SignInAsync(username, Password);
    }

    private async Task<string> SignInAsync(string username, string password)
    {
        using var response = await Client.PostAsJsonAsync(new Uri("/api/session", UriKind.Relative), new { username, password });
        string body = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, body);
        using var session = JsonDocument.Parse(body);
        return session.RootElement.GetProperty("token").GetString()!;
    }
}
