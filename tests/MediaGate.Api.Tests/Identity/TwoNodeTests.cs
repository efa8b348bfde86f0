using System.Net;

namespace MediaGate.Api.Tests.Identity;

/// <summary>Two service nodes on one database (issue 7: "signing keys shared by every node").</summary>
[TestClass]
public sealed class TwoNodeTests
{
    [TestMethod]
    public async Task TabletToken_IssuedByOneNode_IsAcceptedByTheOtherUntilRevokedThroughIt()
    {
        using var folder = new TempFolder();
        await using var nodeA = await TestHost.StartAsync(IdentityProbes.Options(folder: folder));
        await using var nodeB = await TestHost.StartAsync(IdentityProbes.Options(folder: folder));
        string name = TestHost.UniqueName("staff");
        await nodeA.CreateAccountAsync(new { username = name, pin = "482913", role = "staff" });
        var (deviceId, secret) = await nodeA.RegisterDeviceAsync("iPad");
        string token = await nodeA.TabletTokenAsync(deviceId, secret, name, "482913");

        using var onB = await nodeB.SendAsync(HttpMethod.Get, "/probe/tablet", token);
        Assert.AreEqual(HttpStatusCode.OK, onB.StatusCode, "node B validates a token signed by node A's key");

        using var revoke = await nodeB.SendAsync(HttpMethod.Delete, $"/api/manager/devices/{deviceId}", await nodeB.ManagerTokenAsync());
        Assert.AreEqual(HttpStatusCode.NoContent, revoke.StatusCode);

        using var onA = await nodeA.SendAsync(HttpMethod.Get, "/probe/tablet", token);
        await ProblemAssert.IsProblemAsync(onA, HttpStatusCode.Unauthorized);
        Assert.HasCount(1, await nodeA.Database.SigningKeys.ListAsync());
        Assert.HasCount(1, (await nodeA.Database.Accounts.ListAsync()).Where(a => a.Username == TestHost.ManagerName).ToArray(), "bootstrapped once");
    }
}
