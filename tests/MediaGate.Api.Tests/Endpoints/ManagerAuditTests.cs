using System.Net;
using MediaGate.Api.Tests.Hosting;
using MediaGate.Data;
using Microsoft.Data.Sqlite;

namespace MediaGate.Api.Tests.Endpoints;

/// <summary><c>/api/manager/audit</c> and <c>/api/manager/audit/verify</c> through HTTP (issue 7, item 7).</summary>
[TestClass]
public sealed class ManagerAuditTests
{
    [TestMethod]
    public async Task ReadAudit_AfterChanges_EachEntryCarriesThePreviousHash()
    {
        await using var service = await TestService.StartAsync();
        string child = await ManagerCalls.CreateChildAsync(service, "Ada");
        await ManagerCalls.ChangeConsentAsync(service, child, "journal", new { granted = true, givenBy = "Mother", evidence = "form 1" });

        using var response = await ManagerCalls.SendAsync(service, HttpMethod.Get, "/api/manager/audit");
        var entries = (await ManagerCalls.ReadJsonAsync(response, HttpStatusCode.OK)).EnumerateArray().ToArray();

        Assert.IsGreaterThanOrEqualTo(2, entries.Length);
        for (int i = 1; i < entries.Length; i++)
        {
            Assert.AreEqual(entries[i - 1].GetProperty("hash").GetString(), entries[i].GetProperty("previousHash").GetString());
        }

        var actions = entries.Select(e => (e.GetProperty("action").GetString(), e.GetProperty("subject").GetString())).ToArray();
        CollectionAssert.Contains(actions, ("child-create", child));
        CollectionAssert.Contains(actions, ("consent-change", child));
        string manager = await service.ManagerIdAsync();
        Assert.AreEqual(manager, entries.Single(e => e.GetProperty("action").GetString() == "consent-change").GetProperty("actor").GetString());
    }

    [TestMethod]
    public async Task ReadAudit_PeriodBeforeAnyEntry_ReturnsNone()
    {
        await using var service = await TestService.StartAsync();
        await ManagerCalls.CreateChildAsync(service, "Ben");

        using var response = await ManagerCalls.SendAsync(service, HttpMethod.Get, "/api/manager/audit?from=2000-01-01T00:00:00Z&to=2000-01-02T00:00:00Z");

        Assert.AreEqual(0, (await ManagerCalls.ReadJsonAsync(response, HttpStatusCode.OK)).GetArrayLength());
    }

    [TestMethod]
    public async Task ReadAudit_ToBeforeFrom_Returns400()
    {
        await using var service = await TestService.StartAsync();

        using var response = await ManagerCalls.SendAsync(service, HttpMethod.Get, "/api/manager/audit?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [TestMethod]
    public async Task ReadAudit_FromIsNotADate_Returns400()
    {
        await using var service = await TestService.StartAsync();

        using var response = await ManagerCalls.SendAsync(service, HttpMethod.Get, "/api/manager/audit?from=yesterday");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [TestMethod]
    public async Task ReadAudit_LimitAndAfter_PageThroughTheLogInOrderWithoutGapsOrRepeats()
    {
        await using var service = await TestService.StartAsync();
        for (int i = 0; i < 5; i++)
        {
            await ManagerCalls.CreateChildAsync(service, "Child " + i);
        }

        using var all = await ManagerCalls.SendAsync(service, HttpMethod.Get, "/api/manager/audit");
        long[] expected = (await ManagerCalls.ReadJsonAsync(all, HttpStatusCode.OK)).EnumerateArray().Select(e => e.GetProperty("sequence").GetInt64()).ToArray();
        var paged = new List<long>();
        long after = 0;
        while (true)
        {
            using var page = await ManagerCalls.SendAsync(service, HttpMethod.Get, $"/api/manager/audit?limit=2&after={after}");
            long[] sequences = (await ManagerCalls.ReadJsonAsync(page, HttpStatusCode.OK)).EnumerateArray().Select(e => e.GetProperty("sequence").GetInt64()).ToArray();
            Assert.IsLessThanOrEqualTo(2, sequences.Length);
            if (sequences.Length == 0)
            {
                break;
            }

            paged.AddRange(sequences);
            after = sequences[^1];
        }

        Assert.IsGreaterThanOrEqualTo(5, expected.Length);
        CollectionAssert.AreEqual(expected, paged);
    }

    [TestMethod]
    public async Task ReadAudit_LimitOverTheMaximum_Returns400()
    {
        await using var service = await TestService.StartAsync();

        using var response = await ManagerCalls.SendAsync(service, HttpMethod.Get, "/api/manager/audit?limit=10001");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [TestMethod]
    public async Task VerifyAudit_UntouchedLog_IsIntact()
    {
        await using var service = await TestService.StartAsync();
        await ManagerCalls.CreateChildAsync(service, "Cat");
        await ManagerCalls.CreateChildAsync(service, "Dan");

        using var response = await ManagerCalls.SendAsync(service, HttpMethod.Get, "/api/manager/audit/verify");
        var result = await ManagerCalls.ReadJsonAsync(response, HttpStatusCode.OK);

        Assert.IsTrue(result.GetProperty("intact").GetBoolean());
        Assert.IsGreaterThanOrEqualTo(2, result.GetProperty("checked").GetInt64());
    }

    [TestMethod]
    public async Task VerifyAudit_EntryEditedInTheDatabase_NamesItAsTheFirstBrokenLink()
    {
        await using var service = await TestService.StartAsync();
        await ManagerCalls.CreateChildAsync(service, "Eve");
        await ManagerCalls.CreateChildAsync(service, "Fay");
        await ManagerCalls.CreateChildAsync(service, "Gus");
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(service.DataDirectory, MediaGateDatabase.SqliteFileName)};Pooling=False"))
        {
            await connection.OpenAsync();
            using var command = connection.CreateCommand();
            // Someone with the database file: the append-only trigger goes first, then the entry is edited.
            command.CommandText = "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET subject = 'someone-else' WHERE seq = 2";
            Assert.AreEqual(1, await command.ExecuteNonQueryAsync());
        }

        using var response = await ManagerCalls.SendAsync(service, HttpMethod.Get, "/api/manager/audit/verify");
        var result = await ManagerCalls.ReadJsonAsync(response, HttpStatusCode.OK);

        Assert.IsFalse(result.GetProperty("intact").GetBoolean());
        Assert.AreEqual(2, result.GetProperty("firstBroken").GetInt64());
        Assert.AreEqual(1, result.GetProperty("checked").GetInt64());
    }

    [TestMethod]
    public async Task VerifyAudit_AsParent_Returns403()
    {
        await using var service = await TestService.StartAsync();

        using var response = await ManagerCalls.SendAsync(service, HttpMethod.Get, "/api/manager/audit/verify", role: "parent");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
    }
}
