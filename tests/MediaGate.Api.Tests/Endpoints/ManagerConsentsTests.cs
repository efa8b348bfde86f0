using System.Net;
using System.Text;
using System.Text.Json;
using MediaGate.Api.Tests.Hosting;
using MediaGate.Consent.Matrix;
using MediaGate.Consent.People;
using MediaGate.Data;
using Microsoft.Extensions.DependencyInjection;

namespace MediaGate.Api.Tests.Endpoints;

/// <summary><c>/api/manager/consents…</c> through HTTP on the real host (api.md, Manager).</summary>
[TestClass]
public sealed class ManagerConsentsTests
{
    private static TestHost _service = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => _service = await TestHost.StartAsync();

    [ClassCleanup]
    public static async Task StopAsync() => await _service.DisposeAsync();

    private static object Grant(bool group = false) => new { granted = true, group, givenBy = "Mother (Jane Smith)", evidence = "form 2026-17" };

    [TestMethod]
    public async Task ChangeConsent_JournalGrantWithGroup_Returns200GrantedAndTheMatrixShowsIt()
    {
        string child = await ManagerCalls.CreateChildAsync(_service, "Ada");

        var cell = await ManagerCalls.ChangeConsentAsync(_service, child, "journal", Grant(group: true));
        var row = await MatrixRowAsync(child);

        Assert.AreEqual("granted", cell.GetProperty("status").GetString());
        Assert.IsTrue(cell.GetProperty("group").GetBoolean());
        Assert.AreEqual("granted", row.GetProperty("cells").GetProperty("journal").GetProperty("status").GetString());
        Assert.AreEqual("notAsked", row.GetProperty("cells").GetProperty("website").GetProperty("status").GetString());
    }

    [TestMethod]
    public async Task ChangeConsent_GrantThenNo_IsAWithdrawalAndBothRecordsAreKept()
    {
        string child = await ManagerCalls.CreateChildAsync(_service, "Ben");
        await ManagerCalls.ChangeConsentAsync(_service, child, "website", Grant());

        var cell = await ManagerCalls.ChangeConsentAsync(_service, child, "website", new { granted = false, givenBy = "Father", evidence = "email 2026-11-30" });
        var database = _service.Services.GetRequiredService<MediaGateDatabase>();
        var history = await database.Consents.HistoryAsync(new ChildId(child), Purpose.Website);

        Assert.AreEqual("withdrawn", cell.GetProperty("status").GetString());
        Assert.IsFalse(cell.GetProperty("granted").GetBoolean());
        Assert.HasCount(2, history);
        Assert.IsNull(history[0].WithdrawnOn);
        Assert.IsNotNull(history[1].WithdrawnOn);
        Assert.AreEqual("Father", history[1].GivenBy);
    }

    [TestMethod]
    public async Task ChangeConsent_NoWithoutAGrant_IsARefusal()
    {
        string child = await ManagerCalls.CreateChildAsync(_service, "Cat");

        var cell = await ManagerCalls.ChangeConsentAsync(_service, child, "publicity", new { granted = false, givenBy = "Mother", evidence = "form 3" });

        Assert.AreEqual("refused", cell.GetProperty("status").GetString());
    }

    [TestMethod]
    public async Task ChangeConsent_ExpiredReviewDate_IsLapsed()
    {
        string child = await ManagerCalls.CreateChildAsync(_service, "Dan");

        var cell = await ManagerCalls.ChangeConsentAsync(_service, child, "events", new
        {
            granted = true, givenBy = "Mother", evidence = "form 4", givenOn = "2020-01-01", expiresOn = "2021-01-01",
        });

        Assert.AreEqual("lapsed", cell.GetProperty("status").GetString());
        Assert.IsFalse(cell.GetProperty("granted").GetBoolean());
    }

    [TestMethod]
    public async Task ChangeConsent_UnknownChild_Returns404AndRecordsNothing()
    {
        string unknown = Guid.NewGuid().ToString("N");
        using var response = await ManagerCalls.SendJsonAsync(_service, HttpMethod.Put, $"/api/manager/consents/{unknown}/journal", Grant());
        var history = await _service.Services.GetRequiredService<MediaGateDatabase>().Consents.HistoryAsync(new ChildId(unknown), Purpose.Journal);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
        Assert.IsEmpty(history);
    }

    [TestMethod]
    public async Task ChangeConsent_UnknownPurpose_Returns400()
    {
        string child = await ManagerCalls.CreateChildAsync(_service, "Eve");

        using var response = await ManagerCalls.SendJsonAsync(_service, HttpMethod.Put, $"/api/manager/consents/{child}/marketing", Grant());

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [TestMethod]
    public async Task ChangeConsent_MalformedJson_Returns400AndRecordsNothing()
    {
        string child = await ManagerCalls.CreateChildAsync(_service, "Fay");

        using var response = await ManagerCalls.SendAsync(_service, HttpMethod.Put, $"/api/manager/consents/{child}/journal",
            new StringContent("{\"granted\": tru", Encoding.UTF8, "application/json"));
        var history = await _service.Services.GetRequiredService<MediaGateDatabase>().Consents.HistoryAsync(new ChildId(child), Purpose.Journal);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.IsEmpty(history);
    }

    [TestMethod]
    public async Task ChangeConsent_GroupOnWebsite_Returns400NamingGroup()
    {
        string child = await ManagerCalls.CreateChildAsync(_service, "Gus");

        using var response = await ManagerCalls.SendJsonAsync(_service, HttpMethod.Put, $"/api/manager/consents/{child}/website", Grant(group: true));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.IsTrue(problem.GetProperty("errors").TryGetProperty("group", out _));
    }

    [TestMethod]
    public async Task ChangeConsent_WithoutEvidence_Returns400NamingEvidence()
    {
        string child = await ManagerCalls.CreateChildAsync(_service, "Hal");

        using var response = await ManagerCalls.SendJsonAsync(_service, HttpMethod.Put, $"/api/manager/consents/{child}/journal", new { granted = true, givenBy = "Mother" });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.IsTrue(problem.GetProperty("errors").TryGetProperty("evidence", out _));
    }

    [TestMethod]
    public async Task ExportCsv_AfterAGrant_IsCsvWithTheChildsRow()
    {
        string child = await ManagerCalls.CreateChildAsync(_service, "Ivy");
        await ManagerCalls.ChangeConsentAsync(_service, child, "journal", Grant());

        using var response = await ManagerCalls.SendAsync(_service, HttpMethod.Get, "/api/manager/consents.csv");
        string csv = await response.Content.ReadAsStringAsync();

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.IsTrue(csv.Split('\n').Any(line => line.StartsWith(child + ",", StringComparison.Ordinal)), csv);
    }

    [TestMethod]
    public async Task ImportCsv_ExportOfOneService_GivesTheSameCellsInAnother()
    {
        string child = await ManagerCalls.CreateChildAsync(_service, "Jon");
        await ManagerCalls.ChangeConsentAsync(_service, child, "journal", Grant(group: true));
        await ManagerCalls.ChangeConsentAsync(_service, child, "publicity", new { granted = false, givenBy = "Mother", evidence = "form 9" });
        using var export = await ManagerCalls.SendAsync(_service, HttpMethod.Get, "/api/manager/consents.csv");
        string csv = await export.Content.ReadAsStringAsync();
        await using var other = await TestHost.StartAsync();

        using var import = await ManagerCalls.SendAsync(other, HttpMethod.Put, "/api/manager/consents.csv", new StringContent(csv, Encoding.UTF8, "text/csv"));
        var imported = await ManagerCalls.ReadJsonAsync(import, HttpStatusCode.OK);
        using var matrix = await ManagerCalls.SendAsync(other, HttpMethod.Get, "/api/manager/consents");
        var row = (await ManagerCalls.ReadJsonAsync(matrix, HttpStatusCode.OK)).EnumerateArray().Single(r => r.GetProperty("childId").GetString() == child);

        Assert.IsGreaterThanOrEqualTo(1, imported.GetProperty("newChildren").GetInt32());
        Assert.AreEqual("granted", row.GetProperty("cells").GetProperty("journal").GetProperty("status").GetString());
        Assert.IsTrue(row.GetProperty("cells").GetProperty("journal").GetProperty("group").GetBoolean());
        Assert.AreEqual("refused", row.GetProperty("cells").GetProperty("publicity").GetProperty("status").GetString());
        Assert.AreEqual("notAsked", row.GetProperty("cells").GetProperty("website").GetProperty("status").GetString());
    }

    [TestMethod]
    public async Task ImportCsv_BadRow_Returns400NamingTheLineAndWritesNothing()
    {
        await using var other = await TestHost.StartAsync();
        string csv = string.Join(',', Data.Csv.ConsentCsvColumns.All) + "\n" +
            "k1,Kim,yes,no,,,,Mother,form 1,2026-01-01,\n" +
            "k2,Lou,perhaps,,,,,Mother,form 2,2026-01-01,\n";

        using var response = await ManagerCalls.SendAsync(other, HttpMethod.Put, "/api/manager/consents.csv", new StringContent(csv, Encoding.UTF8, "text/csv"));
        var children = await other.Services.GetRequiredService<MediaGateDatabase>().Children.ListAsync();

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        StringAssert.Contains(problem.GetProperty("detail").GetString(), "line 3");
        Assert.IsEmpty(children);
    }

    [TestMethod]
    public async Task ImportCsv_SentAsJson_Returns415()
    {
        using var response = await ManagerCalls.SendAsync(_service, HttpMethod.Put, "/api/manager/consents.csv",
            new StringContent("{}", Encoding.UTF8, "application/json"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    private static async Task<JsonElement> MatrixRowAsync(string child)
    {
        using var response = await ManagerCalls.SendAsync(_service, HttpMethod.Get, "/api/manager/consents");
        var rows = await ManagerCalls.ReadJsonAsync(response, HttpStatusCode.OK);
        return rows.EnumerateArray().Single(r => r.GetProperty("childId").GetString() == child);
    }
}
