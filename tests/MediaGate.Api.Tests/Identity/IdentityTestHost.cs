using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using MediaGate.Api.Endpoints;
using MediaGate.Api.Endpoints.Manager;
using MediaGate.Api.Hosting;
using MediaGate.Api.Identity;
using MediaGate.Consent.People;
using MediaGate.Data;
using MediaGate.Storage.Encryption;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MediaGate.Api.Tests.Identity;

/// <summary>
/// A small real host for the identity endpoints: Kestrel on a free loopback port, a real SQLite database in a
/// temp folder, a fake clock (so that expiry, lock-outs and working hours can be moved through), the first
/// manager from <see cref="IdentityBootstrap.Variable"/>, and one probe endpoint per policy.
/// </summary>
internal sealed class IdentityTestHost : IAsyncDisposable
{
    public const string ManagerName = "boss";
    public const string ManagerPassword = "correct horse battery";

    /// <summary>A Monday, 10:00 in London (GMT in March, before the clocks change).</summary>
    /// <summary>One master key for every test host (two nodes sharing a database must open each other's sealed keys).</summary>
    public static SecretSealer Sealer { get; } = NewSealer(Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i * 7 + 1)).ToArray()));

    public static readonly DateTimeOffset Monday10 = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    private readonly WebApplication _app;
    private readonly TempFolder? _folder;

    private IdentityTestHost(WebApplication app, TempFolder? folder, MediaGateDatabase database, FakeTimeProvider time, Uri address)
    {
        _app = app;
        _folder = folder;
        Database = database;
        Time = time;
        Client = new HttpClient { BaseAddress = address };
    }

    public MediaGateDatabase Database { get; }

    public FakeTimeProvider Time { get; }

    public HttpClient Client { get; }

    /// <summary>Starts a node; with <paramref name="sharedDataFolder"/>, a node on that (caller-owned) folder's database.</summary>
    public static async Task<IdentityTestHost> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, string? sharedDataFolder = null)
    {
        var time = new FakeTimeProvider(Monday10);
        var folder = sharedDataFolder is null ? new TempFolder() : null;
        MediaGateDatabase? database = null;
        try
        {
            database = await MediaGateDatabase.OpenSqliteAsync(sharedDataFolder ?? folder!.Path, time);
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var configuration = new Dictionary<string, string?>
            {
                [IdentityBootstrap.Variable] = $"{ManagerName}:{ManagerPassword}",
            };
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                configuration[key] = value;
            }

            builder.Configuration.AddInMemoryCollection(configuration);
            builder.Services.AddSingleton(database);
            builder.Services.AddSingleton<TimeProvider>(time);
            builder.Services.AddProblemDetails();
            builder.Services.AddSingleton(Sealer);
            builder.Services.AddMediaGateIdentity(builder.Configuration);
            builder.Services.AddMediaGateAccounts();

            var app = builder.Build();
            app.UseAuthentication();
            app.UseAuthorization();
            app.MapSessionEndpoints();
            app.MapGroup("/api/manager").RequireAuthorization(Policies.Manager).MapManagerAccountEndpoints().MapManagerDeviceEndpoints().MapManagerWebsiteKeyEndpoints();
            app.MapGet("/probe/tablet", (ClaimsPrincipal user) => new ProbeResponse(user.AccountId(), user.Role(), user.DeviceId(), null)).RequireAuthorization(Policies.Tablet);
            app.MapGet("/probe/parent", (ClaimsPrincipal user) => new ProbeResponse(user.AccountId(), user.Role(), user.DeviceId(), null)).RequireAuthorization(Policies.Parent);
            app.MapGet("/probe/website", (ClaimsPrincipal user) => new ProbeResponse(null, null, null, user.WebsiteKeyName())).RequireAuthorization(Policies.Website);
            await app.StartAsync();
            return new IdentityTestHost(app, folder, database, time, new Uri(app.Urls.First()));
        }
        catch
        {
            if (database is not null)
            {
                await database.DisposeAsync();
            }

            folder?.Dispose();
            throw;
        }
    }

    public Task<HttpResponseMessage> SignInAsync(string username, string password) =>
        Client.PostAsJsonAsync("/api/session", new { username, password });

    public async Task<string> TokenAsync(string username, string password)
    {
        using var response = await SignInAsync(username, password);
        Assert.AreEqual(System.Net.HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    public Task<string> ManagerTokenAsync() => TokenAsync(ManagerName, ManagerPassword);

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return Client.SendAsync(request);
    }

    /// <summary>The manager creates an account; returns its id.</summary>
    public async Task<string> CreateAccountAsync(object account)
    {
        using var response = await SendAsync(HttpMethod.Post, "/api/manager/accounts", await ManagerTokenAsync(), account);
        Assert.AreEqual(System.Net.HttpStatusCode.Created, response.StatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>The manager registers a device; returns its id and the secret shown once.</summary>
    public async Task<(string Id, string Secret)> RegisterDeviceAsync(string name)
    {
        using var response = await SendAsync(HttpMethod.Post, "/api/manager/devices", await ManagerTokenAsync(), new { name });
        Assert.AreEqual(System.Net.HttpStatusCode.Created, response.StatusCode, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("deviceId").GetString()!, body.GetProperty("deviceSecret").GetString()!);
    }

    public Task<HttpResponseMessage> TabletSignInAsync(string deviceId, string deviceSecret, string username, string pin) =>
        Client.PostAsJsonAsync("/api/tablet/session", new { deviceId, deviceSecret, username, pin });

    public async Task<string> TabletTokenAsync(string deviceId, string deviceSecret, string username, string pin)
    {
        using var response = await TabletSignInAsync(deviceId, deviceSecret, username, pin);
        Assert.AreEqual(System.Net.HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    public async Task AddChildAsync(string id) => await Database.Children.AddAsync(new Child(new ChildId(id), "Child " + id));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Database.DisposeAsync();
        _folder?.Dispose();
    }

    /// <summary>Each test's own names, so tests sharing a host never meet.</summary>
    /// <summary>A sealer with one master key, as <c>Storage:Encryption</c> would configure it.</summary>
    public static SecretSealer NewSealer(string base64Key, string keyId = "test")
    {
        var options = new EnvelopeEncryptionOptions { CurrentKeyId = keyId };
        options.MasterKeys.Add(new MasterKeyOptions { Id = keyId, Key = base64Key });
        return new SecretSealer(options);
    }

    public static string UniqueName(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    internal sealed record ProbeResponse(string? Account, string? Role, string? Device, string? WebsiteKey);
}
