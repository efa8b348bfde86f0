using System.Net;
using System.Text.Json;

namespace MediaGate.Api.Tests.Identity;

/// <summary>Deactivating accounts and changing passwords, PINs and a parent's children (README, Manager).</summary>
[TestClass]
public sealed class ManagerAccountEndpointsTests
{
    private const string ParentPassword = "a parent's password";

    private static TestHost _host = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => _host = await TestHost.StartAsync(IdentityProbes.Options());

    [ClassCleanup]
    public static async Task StopAsync() => await _host.DisposeAsync();

    [TestMethod]
    public async Task Deactivate_Parent_RefusesItsTokenAndSignInAndIsAuditedAndListedInactive()
    {
        var (id, name) = await ParentAsync();
        string token = await _host.TokenAsync(name, ParentPassword);

        using var delete = await ManagerAsync(HttpMethod.Delete, $"/api/manager/accounts/{id}");
        using var probe = await _host.SendAsync(HttpMethod.Get, "/probe/parent", token);
        using var signIn = await _host.SignInAsync(name, ParentPassword);

        Assert.AreEqual(HttpStatusCode.NoContent, delete.StatusCode);
        await ProblemAssert.IsProblemAsync(probe, HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(signIn, HttpStatusCode.Unauthorized);
        Assert.IsFalse((await ListingAsync(id)).GetProperty("active").GetBoolean());
        Assert.IsTrue((await _host.Database.Audit.ReadAsync()).Any(e => e.Action == MediaGate.Data.Audit.AccountAuditActions.AccountDeactivated && e.Subject == id));
    }

    [TestMethod]
    public async Task Deactivate_LastActiveManager_Returns409AndStaysActive()
    {
        await using var host = await TestHost.StartAsync(IdentityProbes.Options());
        string manager = await host.ManagerTokenAsync();
        string managerId = (await host.Database.Accounts.FindByUsernameAsync(TestHost.ManagerName))!.Id;

        using var refused = await host.SendAsync(HttpMethod.Delete, $"/api/manager/accounts/{managerId}", manager);

        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Conflict);
        Assert.IsTrue((await host.Database.Accounts.FindAsync(managerId))!.Active);

        // With a second manager the first may go, and then the second is the last one.
        string secondId = await host.CreateAccountAsync(new { username = "deputy", password = "deputy's password", role = "manager" });
        using var allowed = await host.SendAsync(HttpMethod.Delete, $"/api/manager/accounts/{managerId}", await host.TokenAsync("deputy", "deputy's password"));
        using var last = await host.SendAsync(HttpMethod.Delete, $"/api/manager/accounts/{secondId}", await host.TokenAsync("deputy", "deputy's password"));
        Assert.AreEqual(HttpStatusCode.NoContent, allowed.StatusCode);
        await ProblemAssert.IsProblemAsync(last, HttpStatusCode.Conflict);
    }

    [TestMethod]
    public async Task Deactivate_UnknownOrMalformedId_Returns404()
    {
        using var unknown = await ManagerAsync(HttpMethod.Delete, $"/api/manager/accounts/{Guid.NewGuid():N}");
        using var malformed = await ManagerAsync(HttpMethod.Delete, "/api/manager/accounts/not-an-account-id");

        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(malformed, HttpStatusCode.NotFound);
    }

    [TestMethod]
    public async Task ChangePassword_Parent_OldPasswordFailsNewOneSignsInNoSecretAudited()
    {
        var (id, name) = await ParentAsync();

        using var change = await ManagerAsync(HttpMethod.Put, $"/api/manager/accounts/{id}/password", new { password = "the new passphrase" });
        using var old = await _host.SignInAsync(name, ParentPassword);
        using var fresh = await _host.SignInAsync(name, "the new passphrase");

        Assert.AreEqual(HttpStatusCode.NoContent, change.StatusCode);
        await ProblemAssert.IsProblemAsync(old, HttpStatusCode.Unauthorized);
        Assert.AreEqual(HttpStatusCode.OK, fresh.StatusCode);
        var entries = await _host.Database.Audit.ReadAsync();
        Assert.IsTrue(entries.Any(e => e.Action == MediaGate.Data.Audit.AccountAuditActions.PasswordChanged && e.Subject == id));
        Assert.IsFalse(entries.Any(e => e.Detail?.Contains("the new passphrase", StringComparison.Ordinal) == true), "no secret in the audit log");
    }

    [TestMethod]
    public async Task ChangePassword_Parent_EndsTheSessionsSignedInWithTheOldPassword()
    {
        var (id, name) = await ParentAsync();
        string before = await _host.TokenAsync(name, ParentPassword);
        using var beforeWorks = await _host.SendAsync(HttpMethod.Get, "/probe/parent", before);

        using var change = await ManagerAsync(HttpMethod.Put, $"/api/manager/accounts/{id}/password", new { password = "the new passphrase" });
        string after = await _host.TokenAsync(name, "the new passphrase");
        using var oldSession = await _host.SendAsync(HttpMethod.Get, "/probe/parent", before);
        using var newSession = await _host.SendAsync(HttpMethod.Get, "/probe/parent", after);

        Assert.AreEqual(HttpStatusCode.OK, beforeWorks.StatusCode, "the token worked before the change");
        Assert.AreEqual(HttpStatusCode.NoContent, change.StatusCode);
        await ProblemAssert.IsProblemAsync(oldSession, HttpStatusCode.Unauthorized);
        Assert.AreEqual(HttpStatusCode.OK, newSession.StatusCode, "a session signed in with the new password works");
    }

    [TestMethod]
    public async Task ChangePin_Staff_EndsTheTabletSessionsSignedInWithTheOldPin()
    {
        string name = TestHost.UniqueName("staff");
        string id = await _host.CreateAccountAsync(new { username = name, pin = "482913", role = "staff" });
        var (deviceId, secret) = await _host.RegisterDeviceAsync("Wrens tablet");
        string before = await _host.TabletTokenAsync(deviceId, secret, name, "482913");
        using var beforeWorks = await _host.SendAsync(HttpMethod.Get, "/probe/tablet", before);

        using var change = await ManagerAsync(HttpMethod.Put, $"/api/manager/accounts/{id}/pin", new { pin = "730164" });
        string after = await _host.TabletTokenAsync(deviceId, secret, name, "730164");
        using var oldSession = await _host.SendAsync(HttpMethod.Get, "/probe/tablet", before);
        using var newSession = await _host.SendAsync(HttpMethod.Get, "/probe/tablet", after);

        Assert.AreEqual(HttpStatusCode.OK, beforeWorks.StatusCode, "the tablet token worked before the change");
        Assert.AreEqual(HttpStatusCode.NoContent, change.StatusCode);
        await ProblemAssert.IsProblemAsync(oldSession, HttpStatusCode.Unauthorized);
        Assert.AreEqual(HttpStatusCode.OK, newSession.StatusCode, "a tablet session signed in with the new PIN works");
    }

    [TestMethod]
    public async Task ChangePassword_TooShortMissingOrUnknownAccount_Returns400Or404()
    {
        var (id, _) = await ParentAsync();

        using var tooShort = await ManagerAsync(HttpMethod.Put, $"/api/manager/accounts/{id}/password", new { password = "short" });
        using var missing = await ManagerAsync(HttpMethod.Put, $"/api/manager/accounts/{id}/password", new { });
        using var unknown = await ManagerAsync(HttpMethod.Put, $"/api/manager/accounts/{Guid.NewGuid():N}/password", new { password = "long enough password" });

        await ProblemAssert.IsProblemAsync(tooShort, HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(missing, HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound);
    }

    [TestMethod]
    public async Task ChangePin_Staff_NewPinSignsInOnTheTabletOldOneDoesNot()
    {
        string name = TestHost.UniqueName("staff");
        string id = await _host.CreateAccountAsync(new { username = name, pin = "482913", role = "staff" });
        var (deviceId, secret) = await _host.RegisterDeviceAsync("Robins tablet");

        using var change = await ManagerAsync(HttpMethod.Put, $"/api/manager/accounts/{id}/pin", new { pin = "730164" });
        using var old = await _host.TabletSignInAsync(deviceId, secret, name, "482913");
        using var fresh = await _host.TabletSignInAsync(deviceId, secret, name, "730164");

        Assert.AreEqual(HttpStatusCode.NoContent, change.StatusCode);
        await ProblemAssert.IsProblemAsync(old, HttpStatusCode.Unauthorized);
        Assert.AreEqual(HttpStatusCode.OK, fresh.StatusCode);
    }

    [TestMethod]
    public async Task ChangePin_ParentAccountOrLettersInPin_Returns400()
    {
        var (parentId, _) = await ParentAsync();
        string staffId = await _host.CreateAccountAsync(new { username = TestHost.UniqueName("staff"), pin = "482913", role = "staff" });

        using var parent = await ManagerAsync(HttpMethod.Put, $"/api/manager/accounts/{parentId}/pin", new { pin = "730164" });
        using var letters = await ManagerAsync(HttpMethod.Put, $"/api/manager/accounts/{staffId}/pin", new { pin = "73o164" });

        await ProblemAssert.IsProblemAsync(parent, HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(letters, HttpStatusCode.BadRequest);
    }

    [TestMethod]
    public async Task ChangeChildren_Parent_ReplacesTheListAndIsAudited()
    {
        string ava = Guid.NewGuid().ToString("N");
        string ben = Guid.NewGuid().ToString("N");
        await _host.AddChildAsync(ava);
        await _host.AddChildAsync(ben);
        string name = TestHost.UniqueName("parent");
        string id = await _host.CreateAccountAsync(new { username = name, password = ParentPassword, role = "parent", children = new[] { ava } });

        using var change = await ManagerAsync(HttpMethod.Put, $"/api/manager/accounts/{id}/children", new { children = new[] { ben } });

        Assert.AreEqual(HttpStatusCode.NoContent, change.StatusCode);
        CollectionAssert.AreEqual(new[] { ben }, (await _host.Database.Accounts.ChildrenOfAsync(id)).Select(c => c.Value).ToArray());
        CollectionAssert.AreEqual(new[] { ben }, (await ListingAsync(id)).GetProperty("children").EnumerateArray().Select(c => c.GetString()).ToArray());
        Assert.IsTrue((await _host.Database.Audit.ReadAsync()).Any(e => e.Action == MediaGate.Data.Audit.AccountAuditActions.ChildrenChanged && e.Subject == id));
    }

    [TestMethod]
    public async Task ChangeChildren_UnknownChildStaffAccountOrNoList_Returns400AndChangesNothing()
    {
        string ava = Guid.NewGuid().ToString("N");
        await _host.AddChildAsync(ava);
        string id = await _host.CreateAccountAsync(new { username = TestHost.UniqueName("parent"), password = ParentPassword, role = "parent", children = new[] { ava } });
        string staffId = await _host.CreateAccountAsync(new { username = TestHost.UniqueName("staff"), pin = "482913", role = "staff" });

        using var unknown = await ManagerAsync(HttpMethod.Put, $"/api/manager/accounts/{id}/children", new { children = new[] { ava, Guid.NewGuid().ToString("N") } });
        using var staff = await ManagerAsync(HttpMethod.Put, $"/api/manager/accounts/{staffId}/children", new { children = new[] { ava } });
        using var noList = await ManagerAsync(HttpMethod.Put, $"/api/manager/accounts/{id}/children", new { });
        using var nul = await ManagerAsync(HttpMethod.Put, $"/api/manager/accounts/{id}/children", new { children = new[] { "a\u0000b" } });

        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(staff, HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(noList, HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(nul, HttpStatusCode.BadRequest);
        CollectionAssert.AreEqual(new[] { ava }, (await _host.Database.Accounts.ChildrenOfAsync(id)).Select(c => c.Value).ToArray());
        Assert.IsEmpty(await _host.Database.Accounts.ChildrenOfAsync(staffId));
    }

    [TestMethod]
    public async Task AccountChanges_ParentToken_Returns403()
    {
        var (id, name) = await ParentAsync();
        string token = await _host.TokenAsync(name, ParentPassword);

        using var delete = await _host.SendAsync(HttpMethod.Delete, $"/api/manager/accounts/{id}", token);
        using var password = await _host.SendAsync(HttpMethod.Put, $"/api/manager/accounts/{id}/password", token, new { password = "self-service password" });

        await ProblemAssert.IsProblemAsync(delete, HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(password, HttpStatusCode.Forbidden);
        Assert.IsTrue((await _host.Database.Accounts.FindAsync(id))!.Active);
    }

    private static async Task<(string Id, string Name)> ParentAsync()
    {
        string name = TestHost.UniqueName("parent");
        return (await _host.CreateAccountAsync(new { username = name, password = ParentPassword, role = "parent" }), name);
    }

    private static async Task<HttpResponseMessage> ManagerAsync(HttpMethod method, string path, object? body = null) =>
        await _host.SendAsync(method, path, await _host.ManagerTokenAsync(), body);

    private static async Task<JsonElement> ListingAsync(string id)
    {
        using var response = await ManagerAsync(HttpMethod.Get, "/api/manager/accounts");
        var accounts = await ProblemAssert.ReadJsonAsync(response);
        return accounts.EnumerateArray().Single(a => a.GetProperty("id").GetString() == id).Clone();
    }
}
