using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MediaGate.Api.Identity;
using MediaGate.Consent.People;

namespace MediaGate.Api.Tests.Identity;

[TestClass]
public sealed class ManagerIdentityEndpointsTests
{
    private static TestHost _host = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => _host = await TestHost.StartAsync(IdentityProbes.Options());

    [ClassCleanup]
    public static async Task StopAsync() => await _host.DisposeAsync();

    [TestMethod]
    public async Task CreateAccount_ParentWithTwoChildren_IsLinkedToThemAndListedWithoutSecrets()
    {
        string ava = TestHost.UniqueName("ava");
        string ben = TestHost.UniqueName("ben");
        await _host.AddChildAsync(ava);
        await _host.AddChildAsync(ben);
        string name = TestHost.UniqueName("parent");

        string id = await _host.CreateAccountAsync(new { username = name, password = "parent password", role = "parent", children = new[] { ben, ava } });

        CollectionAssert.AreEquivalent(new[] { new ChildId(ava), new ChildId(ben) }, (await _host.Database.Accounts.ChildrenOfAsync(id)).ToArray());
        using var list = await _host.SendAsync(HttpMethod.Get, "/api/manager/accounts", await _host.ManagerTokenAsync());
        string text = await list.Content.ReadAsStringAsync();
        var listed = JsonSerializer.Deserialize<JsonElement>(text).EnumerateArray().Single(a => a.GetProperty("id").GetString() == id);
        Assert.AreEqual("parent", listed.GetProperty("role").GetString());
        Assert.AreEqual(2, listed.GetProperty("children").GetArrayLength());
        Assert.DoesNotContain("AQAAAA", text, "no password hash in the listing");
        Assert.IsTrue((await _host.Database.Audit.ReadAsync()).Any(e => e.Action == MediaGate.Data.Audit.AccountAuditActions.AccountCreated && e.Subject == id));
    }

    [TestMethod]
    public async Task CreateAccount_UnknownChildId_Returns400ProblemDetailsAndCreatesNothing()
    {
        string name = TestHost.UniqueName("parent");

        using var response = await _host.SendAsync(HttpMethod.Post, "/api/manager/accounts", await _host.ManagerTokenAsync(),
            new { username = name, password = "parent password", role = "parent", children = new[] { "no-such-child" } });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.IsNull(await _host.Database.Accounts.FindByUsernameAsync(name));
    }

    [TestMethod]
    public async Task CreateAccount_UsernameTakenInOtherCase_Returns409()
    {
        string name = TestHost.UniqueName("staff");
        await _host.CreateAccountAsync(new { username = name, pin = "482913", role = "staff" });

        using var response = await _host.SendAsync(HttpMethod.Post, "/api/manager/accounts", await _host.ManagerTokenAsync(),
            new { username = name.ToUpperInvariant(), password = "another password", role = "parent" });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict);
    }

    [TestMethod]
    [DataRow("staff", null, "1234", "pin", DisplayName = "staff PIN too short")]
    [DataRow("staff", null, "12345a", "pin", DisplayName = "staff PIN not digits")]
    [DataRow("staff", "a password", null, "pin", DisplayName = "staff without PIN")]
    [DataRow("parent", "short", null, "password", DisplayName = "password too short")]
    [DataRow("parent", null, null, "password", DisplayName = "parent without password")]
    [DataRow("parent", "parent password", "482913", "pin", DisplayName = "parent with PIN")]
    [DataRow("parent", "password", null, "password", DisplayName = "the word password")]
    [DataRow("manager", "Password2024!", null, "password", DisplayName = "password with a year")]
    [DataRow("parent", "12345678", null, "password", DisplayName = "digits in a run")]
    [DataRow("staff", null, "000000", "pin", DisplayName = "PIN of one digit repeated")]
    [DataRow("staff", null, "123456", "pin", DisplayName = "PIN in a run")]
    [DataRow("staff", null, "987654", "pin", DisplayName = "PIN in a run down")]
    [DataRow("staff", null, "121212", "pin", DisplayName = "PIN of a pattern repeated")]
    [DataRow("owner", "a password", null, "role", DisplayName = "unknown role")]
    public async Task CreateAccount_InvalidField_Returns400NamingTheField(string role, string? password, string? pin, string field)
    {
        using var response = await _host.SendAsync(HttpMethod.Post, "/api/manager/accounts", await _host.ManagerTokenAsync(),
            new { username = TestHost.UniqueName("x"), password, pin, role });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.IsTrue(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [TestMethod]
    public async Task CreateAccount_StaffMember_PinIsStoredAsPbkdf2HashNeverInClear()
    {
        string name = TestHost.UniqueName("staff");

        string id = await _host.CreateAccountAsync(new { username = name, pin = "482913", role = "staff" });

        var account = await _host.Database.Accounts.FindAsync(id);
        Assert.IsNull(account!.PasswordHash);
        Assert.DoesNotContain("482913", account.PinHash!);
        Assert.IsTrue(new CredentialHasher().Verify(account.PinHash, "482913"));
    }

    [TestMethod]
    public async Task RegisterDevice_SecretShownOnce_IsStoredOnlyAsItsHashAndNeverListed()
    {
        var (deviceId, secret) = await _host.RegisterDeviceAsync("Robins iPad");

        Assert.IsGreaterThanOrEqualTo(43, secret.Length, "256 bits, base64url");
        var stored = await _host.Database.Devices.FindAsync(deviceId);
        Assert.AreEqual(SecretTokens.Hash(secret), stored!.SecretHash);
        using var list = await _host.SendAsync(HttpMethod.Get, "/api/manager/devices", await _host.ManagerTokenAsync());
        string text = await list.Content.ReadAsStringAsync();
        Assert.Contains(deviceId, text);
        Assert.DoesNotContain(secret, text);
        Assert.DoesNotContain(stored.SecretHash, text);
    }

    [TestMethod]
    public async Task RevokeDevice_UnknownId_Returns404()
    {
        using var response = await _host.SendAsync(HttpMethod.Delete, $"/api/manager/devices/{Guid.NewGuid():N}", await _host.ManagerTokenAsync());

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [TestMethod]
    public async Task RegisterDevice_EmptyName_Returns400()
    {
        using var response = await _host.SendAsync(HttpMethod.Post, "/api/manager/devices", await _host.ManagerTokenAsync(), new { name = "   " });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [TestMethod]
    public async Task WebsiteKey_CreatedThenRevoked_WorksUntilRevokedThenIs401AtOnce()
    {
        string name = TestHost.UniqueName("site");
        using var created = await _host.SendAsync(HttpMethod.Post, "/api/manager/website-keys", await _host.ManagerTokenAsync(), new { name });
        Assert.AreEqual(HttpStatusCode.Created, created.StatusCode);
        string key = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;

        using var works = await ProbeWebsiteAsync(key);
        using var wrong = await ProbeWebsiteAsync(key[..^3] + "xyz");
        using var none = await _host.Client.GetAsync(new Uri("/probe/website", UriKind.Relative));
        Assert.AreEqual(HttpStatusCode.OK, works.StatusCode);
        Assert.AreEqual(name, (await works.Content.ReadFromJsonAsync<ProbeResponse>())!.WebsiteKey);
        await ProblemAssert.IsProblemAsync(wrong, HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(none, HttpStatusCode.Unauthorized);

        using var revoked = await _host.SendAsync(HttpMethod.Delete, $"/api/manager/website-keys/{name}", await _host.ManagerTokenAsync());
        Assert.AreEqual(HttpStatusCode.NoContent, revoked.StatusCode);

        using var after = await ProbeWebsiteAsync(key);
        await ProblemAssert.IsProblemAsync(after, HttpStatusCode.Unauthorized);
        using var twice = await _host.SendAsync(HttpMethod.Delete, $"/api/manager/website-keys/{name}", await _host.ManagerTokenAsync());
        await ProblemAssert.IsProblemAsync(twice, HttpStatusCode.NotFound);
        var audit = await _host.Database.Audit.ReadAsync();
        Assert.IsTrue(audit.Any(e => e.Action == MediaGate.Data.Audit.AccountAuditActions.WebsiteKeyCreated && e.Subject == name));
        Assert.IsTrue(audit.Any(e => e.Action == MediaGate.Data.Audit.AccountAuditActions.WebsiteKeyRevoked && e.Subject == name));
        Assert.IsFalse(audit.Any(e => e.Detail?.Contains(key, StringComparison.Ordinal) == true));
    }

    [TestMethod]
    public async Task CreateWebsiteKey_NameInUse_Returns409()
    {
        string name = TestHost.UniqueName("site");
        string token = await _host.ManagerTokenAsync();
        using var first = await _host.SendAsync(HttpMethod.Post, "/api/manager/website-keys", token, new { name });

        using var second = await _host.SendAsync(HttpMethod.Post, "/api/manager/website-keys", token, new { name });

        Assert.AreEqual(HttpStatusCode.Created, first.StatusCode);
        await ProblemAssert.IsProblemAsync(second, HttpStatusCode.Conflict);
    }

    [TestMethod]
    public async Task WebsiteEndpoint_BearerTokenInsteadOfKey_Returns401()
    {
        using var response = await _host.SendAsync(HttpMethod.Get, "/probe/website", await _host.ManagerTokenAsync());

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    private static Task<HttpResponseMessage> ProbeWebsiteAsync(string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/probe/website");
        request.Headers.Add(MediaGateSchemes.WebsiteKeyHeader, key);
        return _host.Client.SendAsync(request);
    }
}
