using System.Net;
using MediaGate.Data.Identity;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MediaGate.Api.Tests.Identity;

[TestClass]
public sealed class SessionEndpointsTests
{
    private static TestHost _host = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => _host = await TestHost.StartAsync(IdentityProbes.Options());

    [ClassCleanup]
    public static async Task StopAsync() => await _host.DisposeAsync();

    [TestMethod]
    public async Task CreateSession_BootstrapManager_ReturnsManagerTokenThatReachesManagerEndpoints()
    {
        using var response = await _host.SignInAsync("BOSS", TestHost.ManagerPassword);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        var body = await ProblemAssert.ReadJsonAsync(response);
        Assert.AreEqual("manager", body.GetProperty("role").GetString());
        var token = new JsonWebToken(body.GetProperty("token").GetString());
        Assert.AreEqual(_host.Time.GetUtcNow().UtcDateTime.AddMinutes(15), token.ValidTo, "default lifetime 15 minutes");
        Assert.AreEqual("HS256", token.Alg);
        using var accounts = await _host.SendAsync(HttpMethod.Get, "/api/manager/accounts", body.GetProperty("token").GetString());
        Assert.AreEqual(HttpStatusCode.OK, accounts.StatusCode);
    }

    [TestMethod]
    public async Task CreateSession_WrongPassword_Returns401ProblemDetailsAndAuditsTheFailure()
    {
        string name = TestHost.UniqueName("parent");
        await _host.CreateAccountAsync(new { username = name, password = "right password", role = "parent" });

        using var response = await _host.SignInAsync(name, "wrong password");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        var entries = await _host.Database.Audit.ReadAsync();
        Assert.IsTrue(entries.Any(e => e.Action == IdentityAuditActions.SignInFailed && e.Subject == name));
        Assert.IsFalse(entries.Any(e => e.Detail?.Contains("wrong password", StringComparison.Ordinal) == true), "no secret in the audit log");
    }

    [TestMethod]
    public async Task CreateSession_UnknownOrMalformedUsername_Returns401()
    {
        using var unknown = await _host.SignInAsync("nobody-" + Guid.NewGuid().ToString("N"), "whatever password");
        using var huge = await _host.SignInAsync(new string('x', 100_000), new string('y', 100_000));

        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(huge, HttpStatusCode.Unauthorized);
    }

    [TestMethod]
    public async Task CreateSession_MalformedJsonOrWrongContentType_Returns4xxNot500()
    {
        using var malformed = await _host.Client.PostAsync(new Uri("/api/session", UriKind.Relative),
            new StringContent("{\"username\": ", System.Text.Encoding.UTF8, "application/json"));
        using var text = await _host.Client.PostAsync(new Uri("/api/session", UriKind.Relative),
            new StringContent("username=boss", System.Text.Encoding.UTF8, "text/plain"));

        Assert.AreEqual(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.AreEqual(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
    }

    [TestMethod]
    public async Task CreateSession_SixthAttemptAfterFiveFailures_Returns429WithRetryAfterOfASecondThenIsChecked()
    {
        string name = TestHost.UniqueName("parent");
        await _host.CreateAccountAsync(new { username = name, password = "right password", role = "parent" });
        for (int i = 0; i < 5; i++)
        {
            using var failed = await _host.SignInAsync(name, "wrong " + i);
            await ProblemAssert.IsProblemAsync(failed, HttpStatusCode.Unauthorized);
        }

        using var waiting = await _host.SignInAsync(name.ToUpperInvariant(), "right password");

        await ProblemAssert.IsProblemAsync(waiting, HttpStatusCode.TooManyRequests);
        Assert.AreEqual(TimeSpan.FromSeconds(1), waiting.Headers.RetryAfter?.Delta);
        Assert.IsTrue((await _host.Database.Audit.ReadAsync()).Any(e => e.Action == IdentityAuditActions.SignInLockedOut && e.Subject == name));

        _host.Time.Advance(TimeSpan.FromSeconds(1));
        using var again = await _host.SignInAsync(name, "right password");
        Assert.AreEqual(HttpStatusCode.OK, again.StatusCode);
    }

    [TestMethod]
    public async Task CreateSession_FailuresAfterEachWait_WaitDoublesAndTheRightPasswordGetsInAfterIt()
    {
        string name = TestHost.UniqueName("parent");
        await _host.CreateAccountAsync(new { username = name, password = "right password", role = "parent" });
        for (int i = 0; i < 5; i++)
        {
            using var failed = await _host.SignInAsync(name, "wrong " + i);
            await ProblemAssert.IsProblemAsync(failed, HttpStatusCode.Unauthorized);
        }

        var waits = new List<TimeSpan>();
        for (int i = 0; i < 4; i++)
        {
            using var refused = await _host.SignInAsync(name, "early guess");
            await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.TooManyRequests);
            waits.Add(refused.Headers.RetryAfter!.Delta!.Value);
            _host.Time.Advance(waits[^1]);
            using var failed = await _host.SignInAsync(name, "wrong after the wait " + i);
            await ProblemAssert.IsProblemAsync(failed, HttpStatusCode.Unauthorized);
        }

        _host.Time.Advance(TimeSpan.FromSeconds(16));
        using var signedIn = await _host.SignInAsync(name, "right password");

        CollectionAssert.AreEqual(new[] { 1, 2, 4, 8 }.Select(s => TimeSpan.FromSeconds(s)).ToArray(), waits);
        Assert.AreEqual(HttpStatusCode.OK, signedIn.StatusCode);
    }

    [TestMethod]
    public async Task CreateSession_FiftyFailuresOnOtherAccountsFromTheSameAddress_ManagerStillSignsIn()
    {
        // Behind a proxy every user shares one address: strangers' failures there must not shut the manager out.
        string parent = TestHost.UniqueName("parent");
        await _host.CreateAccountAsync(new { username = parent, password = "right password", role = "parent" });
        for (int i = 0; i < 50; i++)
        {
            using var failed = await _host.SignInAsync(i % 2 == 0 ? parent : TestHost.UniqueName("nobody"), "guess " + i);
            Assert.AreNotEqual(HttpStatusCode.OK, failed.StatusCode);
        }

        using var manager = await _host.SignInAsync(TestHost.ManagerName, TestHost.ManagerPassword);

        Assert.AreEqual(HttpStatusCode.OK, manager.StatusCode);
        _host.Time.Advance(TimeSpan.FromHours(1));
    }

    [TestMethod]
    public async Task CreateSession_TwentyWrongPasswordsSentAtOnce_AtMostFiveAreCheckedTheRestWait()
    {
        string name = TestHost.UniqueName("parent");
        await _host.CreateAccountAsync(new { username = name, password = "right password", role = "parent" });

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => _host.SignInAsync(name, "guess " + i)));

        string statuses = string.Join(", ", await Task.WhenAll(responses.Select(async r => (int)r.StatusCode + " " + await r.Content.ReadAsStringAsync())));
        Assert.AreEqual(5, responses.Count(r => r.StatusCode == HttpStatusCode.Unauthorized), statuses);
        Assert.AreEqual(15, responses.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests), statuses);
        foreach (var response in responses)
        {
            response.Dispose();
        }

        _host.Time.Advance(TimeSpan.FromMinutes(15));
    }

    [TestMethod]
    public async Task ManagerEndpoint_TokenPastItsLifetimeAndSkew_Returns401()
    {
        string token = await _host.ManagerTokenAsync();
        _host.Time.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(20));
        using var withinSkew = await _host.SendAsync(HttpMethod.Get, "/api/manager/devices", token);
        Assert.AreEqual(HttpStatusCode.OK, withinSkew.StatusCode, "30 s of clock skew are tolerated");

        _host.Time.Advance(TimeSpan.FromSeconds(11));
        using var expired = await _host.SendAsync(HttpMethod.Get, "/api/manager/devices", token);

        await ProblemAssert.IsProblemAsync(expired, HttpStatusCode.Unauthorized);
    }

    [TestMethod]
    public async Task ManagerEndpoint_AccountDeactivatedAfterSignIn_Returns401OnTheNextRequest()
    {
        string name = TestHost.UniqueName("manager");
        string id = await _host.CreateAccountAsync(new { username = name, password = "second manager", role = "manager" });
        string token = await _host.TokenAsync(name, "second manager");
        using var before = await _host.SendAsync(HttpMethod.Get, "/api/manager/devices", token);
        Assert.AreEqual(HttpStatusCode.OK, before.StatusCode);

        await _host.Database.Accounts.DeactivateAsync(id);

        using var after = await _host.SendAsync(HttpMethod.Get, "/api/manager/devices", token);
        await ProblemAssert.IsProblemAsync(after, HttpStatusCode.Unauthorized);
        using var signIn = await _host.SignInAsync(name, "second manager");
        await ProblemAssert.IsProblemAsync(signIn, HttpStatusCode.Unauthorized);
    }

    [TestMethod]
    public async Task ManagerEndpoint_ParentTokenOrNoTokenOrForgedToken_Is403Or401ProblemDetails()
    {
        string name = TestHost.UniqueName("parent");
        await _host.CreateAccountAsync(new { username = name, password = "parent password", role = "parent" });
        string parentToken = await _host.TokenAsync(name, "parent password");
        string managerToken = await _host.ManagerTokenAsync();
        string forged = Forge(managerToken);

        using var parent = await _host.SendAsync(HttpMethod.Get, "/api/manager/accounts", parentToken);
        using var none = await _host.SendAsync(HttpMethod.Get, "/api/manager/accounts", null);
        using var garbage = await _host.SendAsync(HttpMethod.Get, "/api/manager/accounts", "not.a.token");
        using var forgedResponse = await _host.SendAsync(HttpMethod.Get, "/api/manager/accounts", forged);
        using var parentProbe = await _host.SendAsync(HttpMethod.Get, "/probe/parent", parentToken);

        await ProblemAssert.IsProblemAsync(parent, HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(none, HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(garbage, HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(forgedResponse, HttpStatusCode.Unauthorized);
        Assert.AreEqual(HttpStatusCode.OK, parentProbe.StatusCode);
    }

    /// <summary>The same claims and key id as a real token, signed with a key the service never made.</summary>
    private static string Forge(string token)
    {
        var real = new JsonWebToken(token);
        var key = new SymmetricSecurityKey(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)) { KeyId = real.Kid };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = real.Issuer,
            Audience = real.Audiences.Single(),
            IssuedAt = real.IssuedAt,
            NotBefore = real.ValidFrom,
            Expires = real.ValidTo,
            Claims = new Dictionary<string, object>
            {
                [MediaGateClaims.Subject] = real.Subject,
                [MediaGateClaims.Role] = AccountRoles.Manager,
            },
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }
}
