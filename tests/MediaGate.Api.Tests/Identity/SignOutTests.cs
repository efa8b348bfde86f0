using System.Net;

namespace MediaGate.Api.Tests.Identity;

/// <summary><c>GET</c> and <c>DELETE /api/session</c> (README, Sessions): who am I, and signing out on every node.</summary>
[TestClass]
public sealed class SignOutTests
{
    private static TestHost _host = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => _host = await TestHost.StartAsync(IdentityProbes.Options());

    [ClassCleanup]
    public static async Task StopAsync() => await _host.DisposeAsync();

    [TestMethod]
    public async Task GetSession_ParentToken_ReturnsTheAccountRoleAndExpiryWithoutDevice()
    {
        string name = TestHost.UniqueName("parent");
        string id = await _host.CreateAccountAsync(new { username = name, password = "a parent's password", role = "parent" });
        string token = await _host.TokenAsync(name, "a parent's password");

        using var response = await _host.SendAsync(HttpMethod.Get, "/api/session", token);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        var body = await ProblemAssert.ReadJsonAsync(response);
        Assert.AreEqual(id, body.GetProperty("accountId").GetString());
        Assert.AreEqual(name, body.GetProperty("username").GetString());
        Assert.AreEqual("parent", body.GetProperty("role").GetString());
        Assert.AreEqual(System.Text.Json.JsonValueKind.Null, body.GetProperty("deviceId").ValueKind);
        Assert.AreEqual(_host.Time.GetUtcNow().AddMinutes(15), body.GetProperty("expiresAt").GetDateTimeOffset(), "the token's default lifetime");
    }

    [TestMethod]
    public async Task GetSession_TabletToken_ReturnsTheStaffAccountAndDevice()
    {
        string name = TestHost.UniqueName("staff");
        string id = await _host.CreateAccountAsync(new { username = name, pin = "482913", role = "staff" });
        var (deviceId, secret) = await _host.RegisterDeviceAsync("Robins tablet");
        string token = await _host.TabletTokenAsync(deviceId, secret, name, "482913");

        using var response = await _host.SendAsync(HttpMethod.Get, "/api/session", token);

        var body = await ProblemAssert.ReadJsonAsync(response);
        Assert.AreEqual(id, body.GetProperty("accountId").GetString());
        Assert.AreEqual("staff", body.GetProperty("role").GetString());
        Assert.AreEqual(deviceId, body.GetProperty("deviceId").GetString());
    }

    [TestMethod]
    public async Task GetSession_NoTokenOrGarbage_Returns401()
    {
        using var none = await _host.SendAsync(HttpMethod.Get, "/api/session", null);
        using var garbage = await _host.SendAsync(HttpMethod.Get, "/api/session", "not.a.token");
        using var signOutAnonymous = await _host.SendAsync(HttpMethod.Delete, "/api/session", null);

        await ProblemAssert.IsProblemAsync(none, HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(garbage, HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(signOutAnonymous, HttpStatusCode.Unauthorized);
    }

    [TestMethod]
    public async Task DeleteSession_ManagerToken_RefusesThatTokenNextButNotAnotherOfTheSameAccount()
    {
        string signedOut = await _host.ManagerTokenAsync();
        string other = await _host.ManagerTokenAsync();

        using var delete = await _host.SendAsync(HttpMethod.Delete, "/api/session", signedOut);
        using var after = await _host.SendAsync(HttpMethod.Get, "/api/manager/accounts", signedOut);
        using var whoAmI = await _host.SendAsync(HttpMethod.Get, "/api/session", signedOut);
        using var again = await _host.SendAsync(HttpMethod.Delete, "/api/session", signedOut);
        using var otherStill = await _host.SendAsync(HttpMethod.Get, "/api/manager/accounts", other);

        Assert.AreEqual(HttpStatusCode.NoContent, delete.StatusCode);
        await ProblemAssert.IsProblemAsync(after, HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(whoAmI, HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(again, HttpStatusCode.Unauthorized);
        Assert.AreEqual(HttpStatusCode.OK, otherStill.StatusCode, "signing out ends one session, not every session of the account");
    }

    [TestMethod]
    public async Task DeleteSession_TabletToken_IsAuditedAsSignedOutWithTheDevice()
    {
        string name = TestHost.UniqueName("staff");
        string id = await _host.CreateAccountAsync(new { username = name, pin = "482913", role = "staff" });
        var (deviceId, secret) = await _host.RegisterDeviceAsync("Wrens tablet");
        string token = await _host.TabletTokenAsync(deviceId, secret, name, "482913");

        using var delete = await _host.SendAsync(HttpMethod.Delete, "/api/session", token);
        using var probe = await _host.SendAsync(HttpMethod.Get, "/probe/tablet", token);

        Assert.AreEqual(HttpStatusCode.NoContent, delete.StatusCode);
        await ProblemAssert.IsProblemAsync(probe, HttpStatusCode.Unauthorized);
        var entry = (await _host.Database.Audit.ReadAsync()).Single(e => e.Action == IdentityAuditActions.SignedOut && e.Actor == id);
        Assert.AreEqual(id, entry.Subject);
        StringAssert.Contains(entry.Detail, deviceId);
    }

    [TestMethod]
    public async Task DeleteSession_ThenSignInAgain_TheNewTokenWorks()
    {
        string name = TestHost.UniqueName("parent");
        await _host.CreateAccountAsync(new { username = name, password = "a parent's password", role = "parent" });
        string first = await _host.TokenAsync(name, "a parent's password");
        using (var delete = await _host.SendAsync(HttpMethod.Delete, "/api/session", first))
        {
            Assert.AreEqual(HttpStatusCode.NoContent, delete.StatusCode);
        }

        string second = await _host.TokenAsync(name, "a parent's password");
        using var probe = await _host.SendAsync(HttpMethod.Get, "/probe/parent", second);

        Assert.AreEqual(HttpStatusCode.OK, probe.StatusCode);
    }

    [TestMethod]
    public async Task DeleteSession_TheRevokedRowIsForgottenOnceTheTokenHasExpired()
    {
        await using var host = await TestHost.StartAsync(IdentityProbes.Options());
        string expiring = await host.ManagerTokenAsync();
        using (var delete = await host.SendAsync(HttpMethod.Delete, "/api/session", expiring))
        {
            Assert.AreEqual(HttpStatusCode.NoContent, delete.StatusCode);
        }

        Assert.IsTrue(await host.Database.RevokedTokens.IsRevokedAsync(TokenIdOf(expiring)));
        host.Time.Advance(TimeSpan.FromHours(1));
        string later = await host.ManagerTokenAsync();
        using (var delete = await host.SendAsync(HttpMethod.Delete, "/api/session", later))
        {
            Assert.AreEqual(HttpStatusCode.NoContent, delete.StatusCode);
        }

        Assert.IsFalse(await host.Database.RevokedTokens.IsRevokedAsync(TokenIdOf(expiring)), "an expired token's row is swept");
        Assert.IsTrue(await host.Database.RevokedTokens.IsRevokedAsync(TokenIdOf(later)));
    }

    [TestMethod]
    public async Task DeleteSession_OnOneNode_IsRefusedByTheOtherNode()
    {
        using var folder = new TempFolder();
        await using var nodeA = await TestHost.StartAsync(IdentityProbes.Options(folder: folder));
        await using var nodeB = await TestHost.StartAsync(IdentityProbes.Options(folder: folder));
        string token = await nodeA.ManagerTokenAsync();
        using (var before = await nodeB.SendAsync(HttpMethod.Get, "/api/manager/accounts", token))
        {
            Assert.AreEqual(HttpStatusCode.OK, before.StatusCode, "node B accepts the token before the sign-out");
        }

        using var delete = await nodeA.SendAsync(HttpMethod.Delete, "/api/session", token);
        using var onB = await nodeB.SendAsync(HttpMethod.Get, "/api/manager/accounts", token);

        Assert.AreEqual(HttpStatusCode.NoContent, delete.StatusCode);
        await ProblemAssert.IsProblemAsync(onB, HttpStatusCode.Unauthorized);
    }

    private static string TokenIdOf(string token) => new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(token).Id;
}
