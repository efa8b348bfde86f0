using System.Net;
using MediaGate.Data.Identity;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MediaGate.Api.Tests.Identity;

/// <summary>Tokens signed with the service's own current key but wrong in some other way are refused.</summary>
[TestClass]
public sealed class TokenValidationTests
{
    private static TestHost _host = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => _host = await TestHost.StartAsync(IdentityProbes.Options());

    [ClassCleanup]
    public static async Task StopAsync() => await _host.DisposeAsync();

    [TestMethod]
    [DataRow("other-issuer", "mediagate", DisplayName = "wrong issuer")]
    [DataRow("mediagate", "other-audience", DisplayName = "wrong audience")]
    public async Task ManagerEndpoint_ServiceKeyButWrongIssuerOrAudience_Returns401(string issuer, string audience)
    {
        var manager = await _host.Database.Accounts.FindByUsernameAsync(TestHost.ManagerName);
        string token = await SignAsync(issuer, audience, new() { [MediaGateClaims.Subject] = manager!.Id, [MediaGateClaims.Role] = AccountRoles.Manager });

        using var response = await _host.SendAsync(HttpMethod.Get, "/api/manager/devices", token);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [TestMethod]
    public async Task ManagerEndpoint_ServiceKeyRightAudience_Returns200SoTheOtherRefusalsAreMeaningful()
    {
        var manager = await _host.Database.Accounts.FindByUsernameAsync(TestHost.ManagerName);
        string token = await SignAsync("mediagate", "mediagate", new() { [MediaGateClaims.Subject] = manager!.Id, [MediaGateClaims.Role] = AccountRoles.Manager });

        using var response = await _host.SendAsync(HttpMethod.Get, "/api/manager/devices", token);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [TestMethod]
    public async Task ManagerEndpoint_ServiceKeyTokenWithoutId_Returns401BecauseItCouldNotBeSignedOut()
    {
        var manager = await _host.Database.Accounts.FindByUsernameAsync(TestHost.ManagerName);
        string token = await SignAsync("mediagate", "mediagate", new()
        {
            [MediaGateClaims.Subject] = manager!.Id,
            [MediaGateClaims.Role] = AccountRoles.Manager,
            [JwtRegisteredClaimNames.Jti] = null!,
        });

        using var response = await _host.SendAsync(HttpMethod.Get, "/api/manager/devices", token);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [TestMethod]
    public async Task ManagerEndpoint_ParentTokenClaimingManagerRole_Returns401()
    {
        string name = TestHost.UniqueName("parent");
        string parentId = await _host.CreateAccountAsync(new { username = name, password = "parent password", role = "parent" });
        string token = await SignAsync("mediagate", "mediagate", new() { [MediaGateClaims.Subject] = parentId, [MediaGateClaims.Role] = AccountRoles.Manager });

        using var response = await _host.SendAsync(HttpMethod.Get, "/api/manager/devices", token);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [TestMethod]
    public async Task ManagerEndpoint_ParentTokenAlsoClaimingManager_Returns401()
    {
        string name = TestHost.UniqueName("parent");
        string parentId = await _host.CreateAccountAsync(new { username = name, password = "parent password", role = "parent" });
        string token = await SignAsync("mediagate", "mediagate", new()
        {
            [MediaGateClaims.Subject] = parentId,
            [MediaGateClaims.Role] = new[] { AccountRoles.Parent, AccountRoles.Manager },
        });

        using var response = await _host.SendAsync(HttpMethod.Get, "/api/manager/devices", token);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [TestMethod]
    public async Task ManagerEndpoint_TokenWithoutCredentialGeneration_Returns401()
    {
        var manager = await _host.Database.Accounts.FindByUsernameAsync(TestHost.ManagerName);
        string token = await SignAsync("mediagate", "mediagate", new()
        {
            [MediaGateClaims.Subject] = manager!.Id,
            [MediaGateClaims.Role] = AccountRoles.Manager,
            [MediaGateClaims.CredentialGeneration] = null!,
        });

        using var response = await _host.SendAsync(HttpMethod.Get, "/api/manager/devices", token);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [TestMethod]
    [DataRow(3650 * 24 * 60, DisplayName = "ten years")]
    [DataRow(24 * 60, DisplayName = "one day")]
    public async Task ManagerEndpoint_TokenLastingLongerThanTheServiceIssues_Returns401(int minutes)
    {
        var manager = await _host.Database.Accounts.FindByUsernameAsync(TestHost.ManagerName);
        string token = await SignAsync("mediagate", "mediagate", new() { [MediaGateClaims.Subject] = manager!.Id, [MediaGateClaims.Role] = AccountRoles.Manager },
            TimeSpan.FromMinutes(minutes));

        using var response = await _host.SendAsync(HttpMethod.Get, "/api/manager/devices", token);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [TestMethod]
    public async Task ManagerEndpoint_TokenSignedWithWhatTheDatabaseHolds_Returns401()
    {
        // Someone who can read mediagate.db but has no master key: the stored bytes are sealed, so they sign nothing.
        var manager = await _host.Database.Accounts.FindByUsernameAsync(TestHost.ManagerName);
        string token = await SignAsync("mediagate", "mediagate", new() { [MediaGateClaims.Subject] = manager!.Id, [MediaGateClaims.Role] = AccountRoles.Manager },
            rawStoredBytes: true);

        using var response = await _host.SendAsync(HttpMethod.Get, "/api/manager/devices", token);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [TestMethod]
    public async Task TabletEndpoint_UnsignedToken_Returns401()
    {
        var manager = await _host.Database.Accounts.FindByUsernameAsync(TestHost.ManagerName);
        string token = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "mediagate",
            Audience = "mediagate",
            Expires = _host.Time.GetUtcNow().UtcDateTime.AddMinutes(5),
            Claims = new Dictionary<string, object> { [MediaGateClaims.Subject] = manager!.Id, [MediaGateClaims.Role] = AccountRoles.Manager },
        });

        using var response = await _host.SendAsync(HttpMethod.Get, "/api/manager/devices", token);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    /// <summary>Signs with the key the service itself signs with (read from the database, as another node would).</summary>
    private static async Task<string> SignAsync(string issuer, string audience, Dictionary<string, object> claims, TimeSpan? lifetime = null, bool rawStoredBytes = false)
    {
        await _host.ManagerTokenAsync();
        // Every token the service issues has an id (signing out revokes it) and the credential generation it was issued
        // under (new accounts are at 0); TryAdd with null lets a test leave one out.
        claims.TryAdd(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N"));
        claims.TryAdd(MediaGateClaims.CredentialGeneration, 0L);
        foreach (var type in new[] { JwtRegisteredClaimNames.Jti, MediaGateClaims.CredentialGeneration })
        {
            if (claims[type] is null)
            {
                claims.Remove(type);
            }
        }

        var stored = (await _host.Database.SigningKeys.ListAsync()).Last();
        byte[] secret = stored.Secret.ToArray();
        if (!rawStoredBytes)
        {
            Assert.IsTrue(TestHost.Sealer.TryOpen(SigningKeyRing.SealPurpose, stored.Id, stored.Secret.Span, out secret));
        }

        var key = new SymmetricSecurityKey(secret) { KeyId = stored.Id };
        DateTime now = _host.Time.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + (lifetime ?? TimeSpan.FromMinutes(5)),
            Claims = claims,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }
}
