using System.Net;
using MediaGate.Api.Tests.Hosting;

namespace MediaGate.Api.Tests.Endpoints;

/// <summary><c>/api/manager/children</c> through HTTP on the real host.</summary>
[TestClass]
public sealed class ManagerChildrenTests
{
    private static TestHost _service = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => _service = await TestHost.StartAsync();

    [ClassCleanup]
    public static async Task StopAsync() => await _service.DisposeAsync();

    [TestMethod]
    public async Task CreateChild_NameAndRoom_Returns201WithAnIdThatIsListed()
    {
        string id = await ManagerCalls.CreateChildAsync(_service, "Ada Lovelace", "Rainbow");

        using var list = await ManagerCalls.SendAsync(_service, HttpMethod.Get, "/api/manager/children");
        var children = await ManagerCalls.ReadJsonAsync(list, HttpStatusCode.OK);

        Assert.MatchesRegex("^[0-9a-f]{32}$", id);
        var listed = children.EnumerateArray().Single(c => c.GetProperty("id").GetString() == id);
        Assert.AreEqual("Ada Lovelace", listed.GetProperty("name").GetString());
        Assert.AreEqual("Rainbow", listed.GetProperty("room").GetString());
    }

    [TestMethod]
    public async Task CreateChild_Created_LocationLeadsToTheChild()
    {
        using var created = await ManagerCalls.SendJsonAsync(_service, HttpMethod.Post, "/api/manager/children", new { name = "Grace" });
        Assert.AreEqual(HttpStatusCode.Created, created.StatusCode);

        using var fetched = await ManagerCalls.SendAsync(_service, HttpMethod.Get, created.Headers.Location!.OriginalString);
        var child = await ManagerCalls.ReadJsonAsync(fetched, HttpStatusCode.OK);

        Assert.AreEqual("Grace", child.GetProperty("name").GetString());
    }

    [TestMethod]
    public async Task CreateChild_SameNameAndRoomTwice_Returns409SayingSoAndListsOne()
    {
        string name = "Ava Thompson " + Guid.NewGuid().ToString("N")[..8];
        await ManagerCalls.CreateChildAsync(_service, name, "Butterflies");

        using var again = await ManagerCalls.SendJsonAsync(_service, HttpMethod.Post, "/api/manager/children", new { name, room = "Butterflies" });
        using var list = await ManagerCalls.SendAsync(_service, HttpMethod.Get, "/api/manager/children");
        var children = await ManagerCalls.ReadJsonAsync(list, HttpStatusCode.OK);

        var problem = await ProblemAssert.IsProblemAsync(again, HttpStatusCode.Conflict);
        Assert.AreEqual($"{name} is already in Butterflies.", problem.GetProperty("detail").GetString());
        Assert.AreEqual(1, children.EnumerateArray().Count(c => c.GetProperty("name").GetString() == name), "one child, not two");
    }

    [TestMethod]
    public async Task CreateChild_BlankName_Returns400NamingTheField()
    {
        using var response = await ManagerCalls.SendJsonAsync(_service, HttpMethod.Post, "/api/manager/children", new { name = "  " });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.IsTrue(problem.GetProperty("errors").TryGetProperty("name", out _));
    }

    [TestMethod]
    public async Task CreateChild_NameWithAControlCharacter_Returns400()
    {
        using var response = await ManagerCalls.SendJsonAsync(_service, HttpMethod.Post, "/api/manager/children", new { name = "Ada\u001b[31m" });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [TestMethod]
    public async Task GetChild_UnknownId_Returns404()
    {
        using var response = await ManagerCalls.SendAsync(_service, HttpMethod.Get, "/api/manager/children/" + Guid.NewGuid().ToString("N"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [TestMethod]
    public async Task CreateChild_AsStaff_Returns403AndCreatesNothing()
    {
        string name = "Staff-made " + Guid.NewGuid().ToString("N");
        using var response = await ManagerCalls.SendAsync(_service, HttpMethod.Post, "/api/manager/children",
            System.Net.Http.Json.JsonContent.Create(new { name }), role: "staff");

        using var list = await ManagerCalls.SendAsync(_service, HttpMethod.Get, "/api/manager/children");
        var children = await ManagerCalls.ReadJsonAsync(list, HttpStatusCode.OK);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.IsFalse(children.EnumerateArray().Any(c => c.GetProperty("name").GetString() == name));
    }

    /// <summary>Ten "Add child" of one child at once on one node, some with spaces around the name or room or a no-break space after it: one child (holds).</summary>
    [TestMethod]
    public async Task CreateChild_SameChildTenTimesAtOnce_OneAddedTheRest409()
    {
        string name = "Ava Thompson " + Guid.NewGuid().ToString("N")[..8];
        string[] names = [name, " " + name, name + " ", name + "\u00A0", "\t" + name];
        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(async i =>
        {
            using var response = await ManagerCalls.SendJsonAsync(_service, HttpMethod.Post, "/api/manager/children", new { name = names[i % names.Length], room = i % 3 == 0 ? " Butterflies " : "Butterflies" });
            return response.StatusCode;
        }));

        Assert.AreEqual(1, answers.Count(a => a == HttpStatusCode.Created), string.Join(", ", answers));
        Assert.AreEqual(9, answers.Count(a => a == HttpStatusCode.Conflict), string.Join(", ", answers));
    }
}
