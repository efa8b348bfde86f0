using System.Net;
using MediaGate.Api.Tests.Hosting;
using MediaGate.Data;
using Microsoft.Extensions.DependencyInjection;

namespace MediaGate.Api.Tests.Endpoints;

/// <summary>
/// <c>POST /api/manager/consents/preview</c> through HTTP: the request's checks and that it saves nothing. That its
/// affected set equals the save's is tested where it is computed (Gate: ConsentPreviewTests) and end to end
/// (Service.Tests: ManagerConsoleTests).
/// </summary>
[TestClass]
public sealed class ManagerConsentPreviewTests
{
    [TestMethod]
    public async Task Preview_ChildWithoutMedia_ReturnsNoneAndRecordsNothing()
    {
        await using var service = await TestHost.StartAsync();
        string child = await ManagerCalls.CreateChildAsync(service, "Ada");
        await ManagerCalls.ChangeConsentAsync(service, child, "journal", new { granted = true, givenBy = "Mother", evidence = "form 1" });
        var database = service.Services.GetRequiredService<MediaGateDatabase>();
        int auditBefore = (await database.Audit.ReadAsync()).Count;

        using var response = await ManagerCalls.SendJsonAsync(service, HttpMethod.Post, "/api/manager/consents/preview",
            new { childId = child, purpose = "journal", granted = false, givenBy = "Mother", evidence = "withdrawal 2" });

        var body = await ManagerCalls.ReadJsonAsync(response, HttpStatusCode.OK);
        Assert.AreEqual(0, body.GetProperty("count").GetInt32());
        Assert.AreEqual(0, body.GetProperty("affected").GetArrayLength());
        Assert.HasCount(1, await database.Consents.HistoryAsync(new Consent.People.ChildId(child), Consent.Matrix.Purpose.Journal), "the withdrawal was not saved");
        Assert.HasCount(auditBefore, await database.Audit.ReadAsync(), "a preview is not a change: nothing audited");
    }

    [TestMethod]
    public async Task Preview_UnknownChild_Returns404()
    {
        await using var service = await TestHost.StartAsync();

        using var response = await ManagerCalls.SendJsonAsync(service, HttpMethod.Post, "/api/manager/consents/preview",
            new { childId = Guid.NewGuid().ToString("N"), purpose = "journal", granted = false, givenBy = "Mother", evidence = "w" });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [TestMethod]
    [DataRow("{\"purpose\":\"journal\",\"granted\":false,\"givenBy\":\"Mother\",\"evidence\":\"w\"}", DisplayName = "no child")]
    [DataRow("{\"childId\":\"c\",\"purpose\":\"cinema\",\"granted\":false,\"givenBy\":\"Mother\",\"evidence\":\"w\"}", DisplayName = "unknown purpose")]
    [DataRow("{\"childId\":\"c\",\"purpose\":\"journal\",\"givenBy\":\"Mother\",\"evidence\":\"w\"}", DisplayName = "no granted")]
    [DataRow("{\"childId\":\"c\",\"purpose\":\"website\",\"granted\":true,\"group\":true,\"givenBy\":\"Mother\",\"evidence\":\"w\"}", DisplayName = "group on website")]
    [DataRow("{\"childId\":\"c\",\"purpose\":\"journal\",\"granted\":true,\"givenBy\":\"\",\"evidence\":\"w\"}", DisplayName = "no givenBy")]
    [DataRow("{\"childId\":", DisplayName = "broken JSON")]
    public async Task Preview_BadBody_Returns400(string json)
    {
        await using var service = await TestHost.StartAsync();

        using var response = await ManagerCalls.SendAsync(service, HttpMethod.Post, "/api/manager/consents/preview",
            new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [TestMethod]
    public async Task Preview_ParentToken_Returns403()
    {
        await using var service = await TestHost.StartAsync();
        string child = await ManagerCalls.CreateChildAsync(service, "Ada");
        var body = new { childId = child, purpose = "journal", granted = false, givenBy = "Mother", evidence = "w" };

        using var parent = await ManagerCalls.SendAsync(service, HttpMethod.Post, "/api/manager/consents/preview", System.Net.Http.Json.JsonContent.Create(body), "parent");

        await ProblemAssert.IsProblemAsync(parent, HttpStatusCode.Forbidden);
    }
}
