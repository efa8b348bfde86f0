using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MediaGate.Api.Hosting;
using MediaGate.Api.Identity;
using MediaGate.Consent.People;
using MediaGate.Data;
using MediaGate.Gate.Review;
using MediaGate.Identity.SignIn;
using MediaGate.Storage.Encryption;
using MediaGate.Storage.Hosting;
using MediaGate.Testing.Renditions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace MediaGate.Testing.Hosting;

/// <summary>
/// The real service (<see cref="ServiceApp"/>: every part, identity included) in-process on Kestrel at a free
/// loopback port, over its own temp data folder, with an HttpClient pointed at it and the first manager
/// bootstrapped. The one way the tests host the app; <see cref="TestHostOptions"/> says what differs (clock,
/// settings, seeded manager, master key, a renditions test world with header sign-in, extra services or probes).
/// Requests carry real bearer tokens from <c>POST /api/session</c> (<see cref="AsAsync"/>), or with a world,
/// the test headers (<see cref="As"/>). Disposing stops it and deletes the folder it made.
/// </summary>
internal sealed class TestHost : IAsyncDisposable
{
    public const string ManagerName = "boss";
    public const string ManagerPassword = "correct horse battery";

    /// <summary>The password of the accounts made by <see cref="AsAsync"/>.</summary>
    public const string AccountPassword = "a-long-test-password";

    /// <summary>The PIN of the staff account made by <see cref="AsAsync"/>.</summary>
    public const string StaffPin = "482916";

    /// <summary>A Monday, 10:00 in London (GMT in March, before the clocks change).</summary>
    public static readonly DateTimeOffset Monday10 = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    private static readonly string FixedKey = Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i * 7 + 1)).ToArray());

    private readonly TempFolder _folder;
    private readonly bool _ownsFolder;
    private readonly FakeTimeProvider? _time;
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _tokens = new();

    private TestHost(TempFolder folder, bool ownsFolder, FakeTimeProvider? time, WebApplication app, Uri address)
    {
        _folder = folder;
        _ownsFolder = ownsFolder;
        _time = time;
        App = app;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>The sealer of <see cref="TestHostOptions.FixedMasterKey"/> (two nodes on one database open each other's sealed keys).</summary>
    public static SecretSealer Sealer { get; } = TestSealers.New(FixedKey);

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => App.Services;

    public string DataDirectory => _folder.Combine("data");

    public MediaGateDatabase Database => Services.GetRequiredService<MediaGateDatabase>();

    /// <summary>The fake clock the host was given (<see cref="TestHostOptions.Time"/>).</summary>
    public FakeTimeProvider Time => _time ?? throw new InvalidOperationException("This host runs on the system clock.");

    public static async Task<TestHost> StartAsync(TestHostOptions? options = null)
    {
        options ??= new TestHostOptions();
        TempFolder folder = options.Folder ?? new TempFolder();
        FakeTimeProvider? time = options.World?.Time ?? options.Time;
        WebApplication? app = null;
        try
        {
            app = ServiceApp.Build(new ServeSettings(folder.Combine("data"), "http://127.0.0.1:0") { Overrides = Settings(options) }, services =>
            {
                if (time is not null)
                {
                    services.AddSingleton<TimeProvider>(time);
                }

                if (options.World is { } world)
                {
                    AddWorld(services, world);
                }

                if (options.Families is { } families)
                {
                    services.AddSingleton(families);
                }

                options.ConfigureServices?.Invoke(services);
            });
            options.MapEndpoints?.Invoke(app);
            await app.StartAsync();
            string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new TestHost(folder, options.Folder is null, time, app, new Uri(address));
        }
        catch
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }

            if (options.Folder is null)
            {
                folder.Dispose();
            }

            throw;
        }
    }

    /// <summary>A name of its own for each test, so that tests sharing a host never meet.</summary>
    public static string UniqueName(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>A request signed in by the test headers as <paramref name="account"/> with <paramref name="role"/> (a host over a world).</summary>
    public static HttpRequestMessage As(string account, string role, HttpMethod method, string path, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        request.Headers.Add(HeaderAuthenticationHandler.AccountHeader, account);
        request.Headers.Add(HeaderAuthenticationHandler.RoleHeader, role);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }

    /// <summary>A request with the bearer token of an account of <paramref name="role"/> (manager, staff or parent; one account per role).</summary>
    public async Task<HttpRequestMessage> AsAsync(string role, HttpMethod method, string path, HttpContent? content = null)
    {
        string token = await _tokens.GetOrAdd(role, r => new Lazy<Task<string>>(() => SignInAsRoleAsync(r))).Value;
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    /// <summary>A request with <paramref name="token"/> (none: anonymous) and <paramref name="body"/> as JSON.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, object? body = null)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
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

    public Task<HttpResponseMessage> SignInAsync(string username, string password) =>
        Client.PostAsJsonAsync(new Uri("/api/session", UriKind.Relative), new { username, password });

    public async Task<string> TokenAsync(string username, string password) => await TokenOfAsync(await SignInAsync(username, password));

    public Task<string> ManagerTokenAsync() => TokenAsync(ManagerName, ManagerPassword);

    public Task<HttpResponseMessage> TabletSignInAsync(string deviceId, string deviceSecret, string username, string pin) =>
        Client.PostAsJsonAsync(new Uri("/api/tablet/session", UriKind.Relative), new { deviceId, deviceSecret, username, pin });

    public async Task<string> TabletTokenAsync(string deviceId, string deviceSecret, string username, string pin) =>
        await TokenOfAsync(await TabletSignInAsync(deviceId, deviceSecret, username, pin));

    /// <summary>The manager creates an account; returns its id.</summary>
    public async Task<string> CreateAccountAsync(object account)
    {
        using var response = await SendAsync(HttpMethod.Post, "/api/manager/accounts", await ManagerTokenAsync(), account);
        return (await ReadJsonAsync(response, HttpStatusCode.Created)).GetProperty("id").GetString()!;
    }

    /// <summary>The manager registers a device; returns its id and the secret shown once.</summary>
    public async Task<(string Id, string Secret)> RegisterDeviceAsync(string name)
    {
        using var response = await SendAsync(HttpMethod.Post, "/api/manager/devices", await ManagerTokenAsync(), new { name });
        var body = await ReadJsonAsync(response, HttpStatusCode.Created);
        return (body.GetProperty("deviceId").GetString()!, body.GetProperty("deviceSecret").GetString()!);
    }

    /// <summary>The id of the bootstrapped manager's account.</summary>
    public async Task<string> ManagerIdAsync()
    {
        using var request = await AsAsync("manager", HttpMethod.Get, "/api/manager/accounts");
        using var response = await Client.SendAsync(request);
        var accounts = await ReadJsonAsync(response, HttpStatusCode.OK);
        return accounts.EnumerateArray().Single(a => a.GetProperty("username").GetString() == ManagerName).GetProperty("id").GetString()!;
    }

    /// <summary>A child on the roster, written straight to the database.</summary>
    public Task AddChildAsync(string id) => Database.Children.AddAsync(new Child(new ChildId(id), "Child " + id));

    /// <summary>The response's JSON body, asserting first that its status is <paramref name="expected"/>.</summary>
    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        string text = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(expected, response.StatusCode, text);
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
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

    private static Dictionary<string, string?> Settings(TestHostOptions options)
    {
        var settings = new Dictionary<string, string?>();
        if (options.SeedManager)
        {
            settings[IdentityBootstrap.Variable] = $"{ManagerName}:{ManagerPassword}";
        }

        if (options.FixedMasterKey)
        {
            settings["Storage:Encryption:CurrentKeyId"] = "test";
            settings["Storage:Encryption:MasterKeys:0:Id"] = "test";
            settings["Storage:Encryption:MasterKeys:0:Key"] = FixedKey;
        }

        foreach ((string key, string? value) in options.Settings)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>The world's database, stores and use cases in place of the service's own; the test headers sign in.</summary>
    private static void AddWorld(IServiceCollection services, RenditionWorld world)
    {
        services.AddSingleton(world.Database);
        services.AddKeyedSingleton(StorageServiceCollectionExtensions.MasterStore, world.Masters);
        services.AddKeyedSingleton(StorageServiceCollectionExtensions.RenditionStore, world.RenditionStore);
        services.AddSingleton(world.Renditions);
        services.AddSingleton(world.Review);
        services.AddSingleton(world.Notes);
        services.AddSingleton(new FaceSpotChecks(
            world.Database.Audit, world.Database.Media, world.Database.ReviewLists, world.Database.Videos, world.Masters,
            Microsoft.Extensions.Options.Options.Create(world.Ingest), world.Pixels));
        services.AddSingleton(new TextRegionReview(world.Database.Media, world.Database.Audit, world.Database.TextRegions, world.Renditions, world.Time));
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, HeaderAuthenticationHandler>(HeaderAuthenticationHandler.SchemeName, null);
        services.PostConfigure<JwtBearerOptions>(MediaGateSchemes.Bearer, o => o.ForwardDefaultSelector = HeaderAuthenticationHandler.Selector);
        services.PostConfigure<AuthenticationSchemeOptions>(MediaGateSchemes.WebsiteKey, o => o.ForwardDefaultSelector = HeaderAuthenticationHandler.Selector);
    }

    private static async Task<string> TokenOfAsync(HttpResponseMessage response)
    {
        using (response)
        {
            return (await ReadJsonAsync(response, HttpStatusCode.OK)).GetProperty("token").GetString()!;
        }
    }

    private async Task<string> SignInAsRoleAsync(string role)
    {
        if (role == "manager")
        {
            return await ManagerTokenAsync();
        }

        string username = UniqueName(role);
        using (var create = await AsAsync("manager", HttpMethod.Post, "/api/manager/accounts",
            JsonContent.Create(new { username, password = AccountPassword, pin = role == "staff" ? StaffPin : null, role, children = Array.Empty<string>() })))
        using (var created = await Client.SendAsync(create))
        {
            Assert.AreEqual(HttpStatusCode.Created, created.StatusCode, await created.Content.ReadAsStringAsync());
        }

        return await TokenAsync(username, AccountPassword);
    }
}
