using System.Net;
using System.Net.Http.Json;

namespace MediaGate.Api.Tests.Identity;

[TestClass]
public sealed class TabletSessionTests
{
    private static TestHost _host = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => _host = await TestHost.StartAsync(IdentityProbes.Options());

    [ClassCleanup]
    public static async Task StopAsync() => await _host.DisposeAsync();

    [TestMethod]
    public async Task CreateTabletSession_RegisteredDeviceAndStaffPin_TokenCarriesStaffAndDevice()
    {
        string name = TestHost.UniqueName("staff");
        string staffId = await _host.CreateAccountAsync(new { username = name, pin = "482913", role = "staff" });
        var (deviceId, secret) = await _host.RegisterDeviceAsync("Robins iPad");

        string token = await _host.TabletTokenAsync(deviceId, secret, name, "482913");

        using var probe = await _host.SendAsync(HttpMethod.Get, "/probe/tablet", token);
        Assert.AreEqual(HttpStatusCode.OK, probe.StatusCode);
        var who = await probe.Content.ReadFromJsonAsync<ProbeResponse>();
        Assert.AreEqual(new ProbeResponse(staffId, "staff", deviceId, null), who);
        var audit = await _host.Database.Audit.ReadAsync();
        Assert.IsTrue(audit.Any(e => e.Action == IdentityAuditActions.SignIn && e.Actor == staffId && e.Subject == deviceId));
    }

    [TestMethod]
    public async Task TabletEndpoint_DeviceRevokedAfterSignIn_Returns401OnTheNextRequestAndNoNewSession()
    {
        string name = TestHost.UniqueName("staff");
        await _host.CreateAccountAsync(new { username = name, pin = "482913", role = "staff" });
        var (deviceId, secret) = await _host.RegisterDeviceAsync("Lost iPad");
        string token = await _host.TabletTokenAsync(deviceId, secret, name, "482913");

        using var revoke = await _host.SendAsync(HttpMethod.Delete, $"/api/manager/devices/{deviceId}", await _host.ManagerTokenAsync());
        Assert.AreEqual(HttpStatusCode.NoContent, revoke.StatusCode);

        using var next = await _host.SendAsync(HttpMethod.Get, "/probe/tablet", token);
        await ProblemAssert.IsProblemAsync(next, HttpStatusCode.Unauthorized);
        using var again = await _host.TabletSignInAsync(deviceId, secret, name, "482913");
        await ProblemAssert.IsProblemAsync(again, HttpStatusCode.Unauthorized);
        Assert.IsTrue((await _host.Database.Audit.ReadAsync()).Any(e => e.Action == MediaGate.Data.Audit.AccountAuditActions.DeviceRevoked && e.Subject == deviceId));
    }

    [TestMethod]
    public async Task CreateTabletSession_WrongDeviceSecretOrUnknownDevice_Returns401()
    {
        string name = TestHost.UniqueName("staff");
        await _host.CreateAccountAsync(new { username = name, pin = "482913", role = "staff" });
        var (deviceId, secret) = await _host.RegisterDeviceAsync("iPad");

        using var wrongSecret = await _host.TabletSignInAsync(deviceId, secret[..^2] + "AA", name, "482913");
        using var unknownDevice = await _host.TabletSignInAsync(Guid.NewGuid().ToString("N"), secret, name, "482913");
        using var wrongPin = await _host.TabletSignInAsync(deviceId, secret, name, "000000");

        await ProblemAssert.IsProblemAsync(wrongSecret, HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(unknownDevice, HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(wrongPin, HttpStatusCode.Unauthorized);
    }

    [TestMethod]
    public async Task CreateTabletSession_ParentOrManagerWithPasswordAsPin_Returns401()
    {
        var (deviceId, secret) = await _host.RegisterDeviceAsync("iPad");

        using var manager = await _host.TabletSignInAsync(deviceId, secret, TestHost.ManagerName, TestHost.ManagerPassword);

        await ProblemAssert.IsProblemAsync(manager, HttpStatusCode.Unauthorized);
    }

    [TestMethod]
    public async Task CreateTabletSession_FiveWrongPins_StaffMemberWaitsOnThatTablet()
    {
        string name = TestHost.UniqueName("staff");
        await _host.CreateAccountAsync(new { username = name, pin = "482913", role = "staff" });
        var (deviceId, secret) = await _host.RegisterDeviceAsync("iPad");
        for (int i = 0; i < 5; i++)
        {
            using var failed = await _host.TabletSignInAsync(deviceId, secret, name, $"00000{i}");
            await ProblemAssert.IsProblemAsync(failed, HttpStatusCode.Unauthorized);
        }

        using var locked = await _host.TabletSignInAsync(deviceId, secret, name, "482913");

        await ProblemAssert.IsProblemAsync(locked, HttpStatusCode.TooManyRequests);
        Assert.IsNotNull(locked.Headers.RetryAfter);
    }

    [TestMethod]
    public async Task CreateTabletSession_TenFailuresAcrossUsernamesOnOneDevice_TabletWaits()
    {
        string name = TestHost.UniqueName("staff");
        await _host.CreateAccountAsync(new { username = name, pin = "482913", role = "staff" });
        var (deviceId, secret) = await _host.RegisterDeviceAsync("Stolen iPad");
        for (int i = 0; i < 10; i++)
        {
            // A different (unknown) username each time: only the device's counter can stop this.
            using var failed = await _host.TabletSignInAsync(deviceId, secret, TestHost.UniqueName("guess"), "123456");
            await ProblemAssert.IsProblemAsync(failed, HttpStatusCode.Unauthorized);
        }

        using var locked = await _host.TabletSignInAsync(deviceId, secret, name, "482913");

        await ProblemAssert.IsProblemAsync(locked, HttpStatusCode.TooManyRequests);
    }

    [TestMethod]
    public async Task CreateTabletSession_StrangersFailuresFromTheSameAddress_RightPinOnTheTabletSignsIn()
    {
        string name = TestHost.UniqueName("staff");
        await _host.CreateAccountAsync(new { username = name, pin = "482913", role = "staff" });
        var (deviceId, secret) = await _host.RegisterDeviceAsync("Robins iPad");
        for (int i = 0; i < 60; i++)
        {
            // Without the tablet's secret: a guessed secret for the real tablet, or a password for the same username.
            using var failed = i % 2 == 0
                ? await _host.TabletSignInAsync(deviceId, secret[..^2] + "AA", name, $"{i:000000}")
                : await _host.SignInAsync(name, "guess " + i);
            Assert.AreNotEqual(HttpStatusCode.OK, failed.StatusCode);
        }

        using var signIn = await _host.TabletSignInAsync(deviceId, secret, name, "482913");

        Assert.AreEqual(HttpStatusCode.OK, signIn.StatusCode);
    }

    [TestMethod]
    public async Task TabletEndpoint_StaffTokenWithoutDevice_Returns403()
    {
        string name = TestHost.UniqueName("staff");
        await _host.CreateAccountAsync(new { username = name, pin = "482913", password = "staff password", role = "staff" });
        string token = await _host.TokenAsync(name, "staff password");

        using var probe = await _host.SendAsync(HttpMethod.Get, "/probe/tablet", token);

        await ProblemAssert.IsProblemAsync(probe, HttpStatusCode.Forbidden);
    }
}
