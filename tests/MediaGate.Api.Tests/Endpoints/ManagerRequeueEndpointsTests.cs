using System.Net;
using System.Text.Json;

namespace MediaGate.Api.Tests.Endpoints;

/// <summary>The manager's re-queue of failed items over HTTP (the rule itself: GateWorkerOutageTests in the Gate tests).</summary>
[TestClass]
public sealed class ManagerRequeueEndpointsTests
{
    private static TestHost _service = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => _service = await TestHost.StartAsync();

    [ClassCleanup]
    public static async Task StopAsync() => await _service.DisposeAsync();

    [TestMethod]
    public async Task RequeueAll_NothingFailed_Returns200WithNone()
    {
        using var request = await _service.AsAsync("manager", HttpMethod.Post, "/api/manager/media/requeue");
        using var response = await _service.Client.SendAsync(request);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.AreEqual(0, body.RootElement.GetProperty("count").GetInt32());
        Assert.AreEqual(0, body.RootElement.GetProperty("mediaIds").GetArrayLength());
    }

    [TestMethod]
    public async Task RequeueOne_UnknownItem_Returns404()
    {
        using var request = await _service.AsAsync("manager", HttpMethod.Post, $"/api/manager/media/{Guid.NewGuid():N}/requeue");
        using var response = await _service.Client.SendAsync(request);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [TestMethod]
    [DataRow("staff")]
    [DataRow("parent")]
    public async Task RequeueAll_NotTheManager_Returns403(string role)
    {
        using var request = await _service.AsAsync(role, HttpMethod.Post, "/api/manager/media/requeue");
        using var response = await _service.Client.SendAsync(request);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
    }
}
