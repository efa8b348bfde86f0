using System.Net;
using Microsoft.Extensions.Options;

namespace MediaGate.Api.Tests.Identity;

[TestClass]
public sealed class WorkingHoursTests
{
    private static readonly Dictionary<string, string?> NurseryHours = new()
    {
        ["Identity:WorkingHours:Start"] = "08:00",
        ["Identity:WorkingHours:End"] = "18:00",
        ["Identity:WorkingHours:TimeZone"] = "Europe/London",
    };

    [TestMethod]
    public async Task TabletEndpoint_TokenUsedAfterClosingTime_Returns403AndIsAudited()
    {
        await using var host = await TestHost.StartAsync(IdentityProbes.Options(NurseryHours));
        string name = TestHost.UniqueName("staff");
        string staffId = await host.CreateAccountAsync(new { username = name, pin = "482913", role = "staff" });
        var (deviceId, secret) = await host.RegisterDeviceAsync("iPad");
        host.Time.SetUtcNow(TestHost.Monday10.AddHours(7) + TimeSpan.FromMinutes(50));
        string token = await host.TabletTokenAsync(deviceId, secret, name, "482913");
        host.Time.SetUtcNow(TestHost.Monday10.AddHours(7) + TimeSpan.FromMinutes(59));
        using var before = await host.SendAsync(HttpMethod.Get, "/probe/tablet", token);
        Assert.AreEqual(HttpStatusCode.OK, before.StatusCode, "17:59 is open");

        host.Time.SetUtcNow(TestHost.Monday10.AddHours(8));
        using var after = await host.SendAsync(HttpMethod.Get, "/probe/tablet", token);

        var problem = await ProblemAssert.IsProblemAsync(after, HttpStatusCode.Forbidden);
        Assert.AreEqual("Outside working hours", problem.GetProperty("title").GetString());
        Assert.IsTrue((await host.Database.Audit.ReadAsync()).Any(e => e.Action == IdentityAuditActions.OutsideWorkingHours && e.Actor == staffId));
    }

    [TestMethod]
    public async Task CreateSession_StaffOnSaturday_Returns403AndIsAuditedWhileTheManagerMaySignIn()
    {
        await using var host = await TestHost.StartAsync(IdentityProbes.Options(NurseryHours));
        string name = TestHost.UniqueName("staff");
        string staffId = await host.CreateAccountAsync(new { username = name, pin = "482913", password = "staff password", role = "staff" });
        var (deviceId, secret) = await host.RegisterDeviceAsync("iPad");

        host.Time.SetUtcNow(TestHost.Monday10.AddDays(5));
        using var session = await host.SignInAsync(name, "staff password");
        using var tablet = await host.TabletSignInAsync(deviceId, secret, name, "482913");
        using var manager = await host.SignInAsync(TestHost.ManagerName, TestHost.ManagerPassword);

        await ProblemAssert.IsProblemAsync(session, HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(tablet, HttpStatusCode.Forbidden);
        Assert.AreEqual(HttpStatusCode.OK, manager.StatusCode);
        Assert.AreEqual(2, (await host.Database.Audit.ReadAsync()).Count(e => e.Action == IdentityAuditActions.OutsideWorkingHours && e.Actor == staffId));
    }

    [TestMethod]
    public async Task StartAsync_UnknownTimeZone_FailsAtStartWithTheOptionNamed()
    {
        var settings = new Dictionary<string, string?>(NurseryHours) { ["Identity:WorkingHours:TimeZone"] = "Mars/Olympus" };

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TestHost.StartAsync(IdentityProbes.Options(settings)));

        Assert.Contains("TimeZone", error.Message);
    }

    [TestMethod]
    public async Task StartAsync_TokenLifetimeOfTwoDays_FailsAtStart()
    {
        var settings = new Dictionary<string, string?> { ["Identity:TokenLifetime"] = "2.00:00:00" };

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TestHost.StartAsync(IdentityProbes.Options(settings)));

        Assert.Contains("TokenLifetime", error.Message);
    }

    [TestMethod]
    [DataRow("2026-03-02T07:59:59Z", false, DisplayName = "Monday before opening")]
    [DataRow("2026-03-02T08:00:00Z", true, DisplayName = "Monday at opening")]
    [DataRow("2026-03-06T17:59:59Z", true, DisplayName = "Friday before closing")]
    [DataRow("2026-03-07T12:00:00Z", false, DisplayName = "Saturday noon")]
    [DataRow("2026-06-01T07:30:00Z", true, DisplayName = "summer time: 08:30 in London")]
    [DataRow("2026-06-01T17:30:00Z", false, DisplayName = "summer time: 18:30 in London")]
    public void IsOpenAt_LondonWeekdaysEightToSix_FollowsLocalTime(string instant, bool open)
    {
        var hours = new WorkingHours(Options.Create(new IdentityOptions
        {
            WorkingHours = new WorkingHoursOptions { Start = new TimeOnly(8, 0), End = new TimeOnly(18, 0), TimeZone = "Europe/London" },
        }));

        Assert.AreEqual(open, hours.IsOpenAt(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [TestMethod]
    public void IsOpenAt_NoRuleConfigured_IsAlwaysOpen()
    {
        var hours = new WorkingHours(Options.Create(new IdentityOptions()));

        Assert.IsFalse(hours.IsConfigured);
        Assert.IsTrue(hours.IsOpenAt(new DateTimeOffset(2026, 3, 8, 3, 0, 0, TimeSpan.Zero)));
    }
}
