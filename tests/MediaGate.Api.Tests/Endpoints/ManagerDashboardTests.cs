using System.Globalization;
using System.Net;
using MediaGate.Api.Tests.Hosting;

namespace MediaGate.Api.Tests.Endpoints;

/// <summary><c>GET /api/manager/dashboard</c> through HTTP: its shape, the period's checks and consents due for review.</summary>
[TestClass]
public sealed class ManagerDashboardTests
{
    [TestMethod]
    public async Task Dashboard_NoMediaAndAGrantDueSoon_ListsTheGrantAndEmptyDays()
    {
        await using var service = await TestHost.StartAsync(new() { Settings = new Dictionary<string, string?> { ["Nursery:TimeZone"] = "Europe/London" } });
        string child = await ManagerCalls.CreateChildAsync(service, "Ada");
        var reviewOn = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(10);
        await ManagerCalls.ChangeConsentAsync(service, child, "website",
            new { granted = true, givenBy = "Mother", evidence = "form 1", expiresOn = reviewOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });

        using var response = await ManagerCalls.SendAsync(service, HttpMethod.Get, "/api/manager/dashboard?days=7");

        var body = await ManagerCalls.ReadJsonAsync(response, HttpStatusCode.OK);
        Assert.AreEqual(0, body.GetProperty("today").GetProperty("uploaded").GetInt32());
        Assert.AreEqual(0, body.GetProperty("heldNow").GetInt64());
        Assert.AreEqual(System.Text.Json.JsonValueKind.Null, body.GetProperty("averageMinutesToRelease").ValueKind);
        var days = body.GetProperty("perDay").EnumerateArray().ToArray();
        Assert.HasCount(7, days);
        Assert.AreEqual(body.GetProperty("today").GetProperty("date").GetString(), days[^1].GetProperty("date").GetString());
        Assert.MatchesRegex(@"^\d{4}-\d{2}-\d{2}$", days[0].GetProperty("date").GetString()!);
        var due = body.GetProperty("consentsDueForReview").EnumerateArray().Single();
        Assert.AreEqual(child, due.GetProperty("childId").GetString());
        Assert.AreEqual("Ada", due.GetProperty("childName").GetString());
        Assert.AreEqual("website", due.GetProperty("purpose").GetString());
        Assert.AreEqual(reviewOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), due.GetProperty("reviewOn").GetString());
    }

    [TestMethod]
    [DataRow("?days=0")]
    [DataRow("?days=91")]
    [DataRow("?days=-3")]
    [DataRow("?days=many")]
    public async Task Dashboard_BadDays_Returns400(string query)
    {
        await using var service = await TestHost.StartAsync();

        using var response = await ManagerCalls.SendAsync(service, HttpMethod.Get, "/api/manager/dashboard" + query);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [TestMethod]
    public async Task Dashboard_DefaultPeriod_Is14Days()
    {
        await using var service = await TestHost.StartAsync();

        using var response = await ManagerCalls.SendAsync(service, HttpMethod.Get, "/api/manager/dashboard");

        Assert.AreEqual(14, (await ManagerCalls.ReadJsonAsync(response, HttpStatusCode.OK)).GetProperty("perDay").GetArrayLength());
    }
}
