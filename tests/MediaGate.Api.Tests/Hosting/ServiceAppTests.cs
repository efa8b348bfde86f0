using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace MediaGate.Api.Tests.Hosting;

/// <summary>The service host started in-process on Kestrel (port 0) over an empty data folder.</summary>
[TestClass]
public sealed class ServiceAppTests
{
    [TestMethod]
    public async Task Build_EmptyDataFolder_StartsOnSqliteAndFolderStoresWithAGeneratedKey()
    {
        await using var service = await TestHost.StartAsync();

        Assert.IsTrue(File.Exists(Path.Combine(service.DataDirectory, "mediagate.db")));
        Assert.IsTrue(Directory.Exists(Path.Combine(service.DataDirectory, "masters")));
        Assert.IsTrue(Directory.Exists(Path.Combine(service.DataDirectory, "renditions")));
        string key = Path.Combine(service.DataDirectory, "master.key");
        if (!OperatingSystem.IsWindows())
        {
            Assert.AreEqual(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key));
        }

        Assert.AreEqual(32, Convert.FromBase64String((await File.ReadAllTextAsync(key)).Trim()).Length);
    }

    [TestMethod]
    public async Task Build_SecondStartOnTheSameFolder_KeepsTheGeneratedKey()
    {
        using var folder = new TempFolder();
        string key = folder.Combine("data", "master.key");
        await using (await TestHost.StartAsync(new() { Folder = folder }))
        {
        }

        string first = await File.ReadAllTextAsync(key);
        await using var second = await TestHost.StartAsync(new() { Folder = folder });
        using var ready = await second.Client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.AreEqual(HttpStatusCode.OK, ready.StatusCode);
        Assert.AreEqual(first, await File.ReadAllTextAsync(key));
    }

    [TestMethod]
    public async Task Build_MasterKeyFileIsNotAKey_RefusesToStartAndKeepsTheFile()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.Combine("data"));
        string key = folder.Combine("data", "master.key");
        await File.WriteAllTextAsync(key, "not a key");

        var error = await Assert.ThrowsExactlyAsync<InvalidOperationException>(() => TestHost.StartAsync(new() { Folder = folder }));

        StringAssert.Contains(error.Message, "master.key");
        Assert.AreEqual("not a key", await File.ReadAllTextAsync(key));
    }

    [TestMethod]
    public async Task Build_KeyConfigured_GeneratesNoKeyFile()
    {
        string configured = Convert.ToBase64String(new byte[32]);
        await using var service = await TestHost.StartAsync(new() { Settings = new Dictionary<string, string?>
        {
            ["Storage:Encryption:CurrentKeyId"] = "k1",
            ["Storage:Encryption:MasterKeys:0:Id"] = "k1",
            ["Storage:Encryption:MasterKeys:0:Key"] = configured,
        } });

        Assert.IsFalse(File.Exists(Path.Combine(service.DataDirectory, "master.key")));
    }

    [TestMethod]
    public async Task Start_PostgreSqlWithoutConnectionString_StopsNamingTheSetting()
    {
        var error = await Assert.ThrowsExactlyAsync<OptionsValidationException>(() => TestHost.StartAsync(new() { Settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSql",
        } }));

        StringAssert.Contains(string.Join(" ", error.Failures), "Database:ConnectionString");
    }

    [TestMethod]
    public async Task Start_UnknownTimeZone_StopsNamingTheSetting()
    {
        var error = await Assert.ThrowsExactlyAsync<OptionsValidationException>(() => TestHost.StartAsync(new() { Settings = new Dictionary<string, string?>
        {
            ["Nursery:TimeZone"] = "Mars/Olympus_Mons",
        } }));

        StringAssert.Contains(string.Join(" ", error.Failures), "Nursery:TimeZone");
    }

    [TestMethod]
    public async Task Start_AzureBlobMasterStoreWithoutKey_StopsForWantOfAKey()
    {
        var error = await Assert.ThrowsExactlyAsync<OptionsValidationException>(() => TestHost.StartAsync(new() { Settings = new Dictionary<string, string?>
        {
            ["Storage:Master:Kind"] = "AzureBlob",
            ["Storage:Master:AzureBlob:ConnectionString"] = "UseDevelopmentStorage=true",
            ["Storage:Master:AzureBlob:ContainerName"] = "masters",
        } }));

        StringAssert.Contains(string.Join(" ", error.Failures), "master key");
    }

    [TestMethod]
    public async Task Start_MetricsNetworkNotCidr_StopsNamingTheSetting()
    {
        var error = await Assert.ThrowsExactlyAsync<OptionsValidationException>(() => TestHost.StartAsync(new() { Settings = new Dictionary<string, string?>
        {
            ["Operations:MetricsNetworks:0"] = "everyone",
        } }));

        StringAssert.Contains(string.Join(" ", error.Failures), "Operations:MetricsNetworks");
    }

    [TestMethod]
    public async Task HealthLive_Running_Returns200()
    {
        await using var service = await TestHost.StartAsync();

        using var response = await service.Client.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [TestMethod]
    public async Task HealthReady_DatabaseAndStoresAnswer_Returns200WithEachCheck()
    {
        await using var service = await TestHost.StartAsync();

        using var response = await service.Client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        var checks = body.RootElement.GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        CollectionAssert.AreEquivalent(new[] { "database", "master-store", "renditions-store" }, checks.Keys.ToArray());
        Assert.IsTrue(checks.Values.All(s => s == "Healthy"));
    }

    [TestMethod]
    public async Task HealthReady_RenditionFolderGone_Returns503NamingTheStore()
    {
        await using var service = await TestHost.StartAsync();
        Directory.Delete(Path.Combine(service.DataDirectory, "renditions"), recursive: true);

        using var response = await service.Client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.AreEqual(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var failing = body.RootElement.GetProperty("checks").EnumerateArray().Where(c => c.GetProperty("status").GetString() != "Healthy")
            .Select(c => c.GetProperty("name").GetString()).ToArray();
        CollectionAssert.AreEqual(new[] { "renditions-store" }, failing);
    }

    [TestMethod]
    public async Task HealthReady_FreeSpaceUnderTheStoresFloor_Returns503NamingTheStore()
    {
        await using var service = await TestHost.StartAsync(new() { Settings = new Dictionary<string, string?> { ["Storage:Master:Folder:MinFreeBytes"] = long.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture) } });

        using var response = await service.Client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.AreEqual(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var failing = body.RootElement.GetProperty("checks").EnumerateArray().Where(c => c.GetProperty("status").GetString() != "Healthy")
            .Select(c => c.GetProperty("name").GetString()).ToArray();
        CollectionAssert.AreEqual(new[] { "master-store" }, failing);
    }

    [TestMethod]
    public async Task HealthReady_FreeSpaceUnderTheDatabasesFloor_Returns503NamingTheDatabase()
    {
        await using var service = await TestHost.StartAsync(new() { Settings = new Dictionary<string, string?> { ["Database:MinFreeBytes"] = long.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture) } });

        using var response = await service.Client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.AreEqual(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var failing = body.RootElement.GetProperty("checks").EnumerateArray().Where(c => c.GetProperty("status").GetString() != "Healthy")
            .Select(c => c.GetProperty("name").GetString()).ToArray();
        CollectionAssert.AreEqual(new[] { "database" }, failing);
    }

    [TestMethod]
    public async Task OpenApi_Document_IsServedAndListsTheManagerEndpoints()
    {
        await using var service = await TestHost.StartAsync();

        using var response = await service.Client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        var paths = body.RootElement.GetProperty("paths");
        Assert.IsTrue(paths.TryGetProperty("/api/manager/children", out _));
        Assert.IsTrue(paths.TryGetProperty("/api/manager/consents/{childId}/{purpose}", out _));
        Assert.IsTrue(paths.TryGetProperty("/api/manager/audit/verify", out _));
    }

    [TestMethod]
    public async Task OpenApi_Document_ListsEveryAudiencesEndpoints()
    {
        await using var service = await TestHost.StartAsync();

        using var response = await service.Client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = body.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToArray();

        // One per part the host composes: sessions, tablets, parents, website, the manager's identity and media endpoints.
        CollectionAssert.IsSubsetOf(
            new[] { "/api/session", "/api/tablet/observations", "/api/parent/media", "/api/website/photos", "/api/manager/accounts", "/api/manager/review" },
            paths);
    }

    [TestMethod]
    public async Task OpenApi_Document_StandsAloneWithAnIntroductionASummaryPerEndpointAndNoCitations()
    {
        await using var service = await TestHost.StartAsync();

        using var response = await service.Client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        string text = await response.Content.ReadAsStringAsync();
        using var body = JsonDocument.Parse(text);

        StringAssert.Contains(body.RootElement.GetProperty("info").GetProperty("description").GetString(), "Authorization: Bearer", "the document says how to authenticate");
        var undocumented = body.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => (Name: operation.Name.ToUpperInvariant() + " " + path.Name, Operation: operation.Value)))
            .Where(o => !HasText(o.Operation, "summary") && !HasText(o.Operation, "description"))
            .Select(o => o.Name)
            .ToArray();
        Assert.IsEmpty(undocumented, "every endpoint says what it does; without a summary: " + string.Join(", ", undocumented));
        foreach (string citation in new[] { "api.md", "product.md", "contract8", "(issue " })
        {
            Assert.DoesNotContain(citation, text, "the document cites nothing its reader does not have");
        }
    }

    private static bool HasText(JsonElement operation, string property) =>
        operation.TryGetProperty(property, out var value) && !string.IsNullOrWhiteSpace(value.GetString());

    [TestMethod]
    public async Task Scalar_ReferencePageAskedFor_IsServedAsHtmlUnderAPolicy()
    {
        await using var service = await TestHost.StartAsync(new() { Settings = new Dictionary<string, string?> { ["Operations:ApiReference"] = "true" } });

        using var response = await service.Client.GetAsync(new Uri("/scalar/", UriKind.Relative));

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.IsTrue(response.Headers.TryGetValues("Content-Security-Policy", out var policies), "the reference page is never served without a policy");
        StringAssert.Contains(policies.Single(), "frame-ancestors 'none'");
    }

    [TestMethod]
    public async Task Scalar_ByDefault_IsNotServed()
    {
        await using var service = await TestHost.StartAsync();

        using var response = await service.Client.GetAsync(new Uri("/scalar/", UriKind.Relative));

        Assert.AreEqual(HttpStatusCode.NotFound, response.StatusCode);
    }

    [TestMethod]
    public async Task SignIn_TokenAnswer_IsNotStoredByBrowsersOrProxies()
    {
        await using var service = await TestHost.StartAsync();

        using var response = await service.Client.PostAsJsonAsync(new Uri("/api/session", UriKind.Relative),
            new { username = TestHost.ManagerName, password = TestHost.ManagerPassword });

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.IsTrue(response.Headers.CacheControl?.NoStore, $"a token must not be cached: Cache-Control was '{response.Headers.CacheControl}'");
    }

    [TestMethod]
    public async Task Metrics_FromLoopback_ServesPrometheusTextWithRequestMetrics()
    {
        await using var service = await TestHost.StartAsync();
        (await service.Client.GetAsync(new Uri("/health/live", UriKind.Relative))).Dispose();

        using var response = await service.Client.GetAsync(new Uri("/metrics", UriKind.Relative));
        string text = await response.Content.ReadAsStringAsync();

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        StringAssert.Contains(text, "http_server_request_duration_seconds");
        StringAssert.Contains(text, "service_name=\"mediagate\"");
        StringAssert.Contains(text, "mediagate_review_queue_length");
    }

    [TestMethod]
    public async Task Metrics_FromOutsideTheAllowedNetworks_Returns404()
    {
        await using var service = await TestHost.StartAsync(new() { Settings = new Dictionary<string, string?> { ["Operations:MetricsNetworks:0"] = "10.0.0.0/8" } });

        using var response = await service.Client.GetAsync(new Uri("/metrics", UriKind.Relative));
        string text = await response.Content.ReadAsStringAsync();

        Assert.AreEqual(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("http_server", text);
    }
}
