using System.Net;
using System.Text.Json;

namespace MediaGate.Service.Tests.Parents;

/// <summary>
/// <c>GET /api/parent/children</c> (added for the journal page: it names the parent's own children and filters by
/// child), through HTTP against one <c>serve</c> process shared by the class; each test sets up its own nursery.
/// </summary>
[TestClass]
public sealed class ParentChildrenApiTests : ServiceTest
{
    private static ServiceProcess? service;

    private static ServiceProcess Service => service ?? throw new InvalidOperationException("the service did not start");

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var workFolder = ServiceSettings.NewWorkFolder("parent-children");
        context.WriteLine("work folder (server logs): " + workFolder);
        service = await ServiceProcess.StartAsync(ServiceSettings.Embedded(workFolder, "parent-children", Models));
    }

    [ClassCleanup]
    public static async Task StopAsync()
    {
        if (service is not null)
        {
            await service.DisposeAsync();
        }
    }

    [TestMethod]
    public async Task ParentChildren_ParentOfTwo_ListsExactlyTheirOwnByNameUncached()
    {
        using var nursery = await Nursery.CreateAsync(Service.Address);
        var username = $"parent-of-two-{nursery.Tag}";
        var password = $"Two-Children-Passphrase-{nursery.Tag}";
        await nursery.Manager.CreateParentAsync(username, password, nursery.Cara.ChildId, nursery.Ava.ChildId);
        using var parent = await ApiClient.SignInAsync(Service.Address, username, password);

        using var response = await parent.SendAsync(HttpMethod.Get, "/api/parent/children");
        var children = await ApiClient.ReadAsync<JsonElement>(response, "GET /api/parent/children", HttpStatusCode.OK);

        var listed = children.EnumerateArray().Select(c => (Id: c.GetProperty("id").GetString(), Name: c.GetProperty("name").GetString())).ToList();
        CollectionAssert.AreEqual(
            new[] { (nursery.Ava.ChildId, nursery.Ava.ChildName), (nursery.Cara.ChildId, nursery.Cara.ChildName) },
            listed.Select(c => (c.Id!, c.Name!)).ToArray(),
            "the parent's two children, by name, and nobody else");
        Assert.IsTrue(response.Headers.CacheControl is { Private: true, NoStore: true }, $"a family's names are not cached on the way: {response.Headers.CacheControl}");
    }

    [TestMethod]
    public async Task ParentChildren_ChildrenChangedByTheManager_NextRequestListsTheNewChildren()
    {
        using var nursery = await Nursery.CreateAsync(Service.Address);
        var ben = nursery.Ben;
        Assert.AreEqual(ben.ChildId, (await ChildIdsAsync(ben.Parent)).Single(), "Ben's parent lists Ben");

        using var change = await nursery.Manager.SendAsync(
            HttpMethod.Put, $"/api/manager/accounts/{ben.ParentAccountId}/children", ApiClient.JsonBody(new { children = new[] { nursery.Cara.ChildId } }));
        await ApiClient.ExpectAsync(change, "PUT children", HttpStatusCode.NoContent);

        // The same token: the children are read from the database on each request, never from the token.
        Assert.AreEqual(nursery.Cara.ChildId, (await ChildIdsAsync(ben.Parent)).Single(), "after the change the same token lists only the new child");
    }

    [TestMethod]
    public async Task ParentChildren_NotAParent_RefusedWithoutNames()
    {
        using var nursery = await Nursery.CreateAsync(Service.Address);
        using var anonymous = ApiClient.Anonymous(Service.Address);

        foreach (var (caller, expected) in new[] { (nursery.Manager, HttpStatusCode.Forbidden), (nursery.Tablet, HttpStatusCode.Forbidden), (anonymous, HttpStatusCode.Unauthorized) })
        {
            using var response = await caller.SendAsync(HttpMethod.Get, "/api/parent/children");
            var body = await response.Content.ReadAsStringAsync();
            Assert.AreEqual(expected, response.StatusCode, body);
            Assert.DoesNotContain("Zq" + nursery.Tag, body, "a refusal names no child");
        }
    }

    private static async Task<IReadOnlyList<string>> ChildIdsAsync(ApiClient parent) =>
        (await parent.GetJsonAsync<JsonElement>("/api/parent/children")).EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToList();
}
