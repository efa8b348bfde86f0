using System.Net;

namespace MediaGate.Service.Tests.TwoNodes;

/// <summary>
/// "Add child" sent twice at once (a double click, or a retry) through a load balancer that spreads the two requests
/// over two nodes (attacked 2026-12-08): the register's duplicate check runs under a lock of its own process only
/// (ChildRegister.Adding), so both nodes may find no such child and both add one. One child may come of it, the other
/// request a 409.
/// </summary>
[TestClass]
public sealed class TwoNodeChildRegisterTests : ServiceTest
{
    private const int Rounds = 6;

    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public async Task CreateChild_SameChildThroughTwoNodesAtOnce_OneChildAdded()
    {
        var backend = await TestServers.NewBackendAsync();
        var work = NewWorkFolder("two-nodes-children");
        var nodes = await ServiceProcess.StartAllAsync(
            ServiceSettings.Shared(work, "node-a", Models, backend).With("MEDIAGATE_Gate__NodeName", "node-a"),
            ServiceSettings.Shared(work, "node-b", Models, backend).With("MEDIAGATE_Gate__NodeName", "node-b"));
        await using var nodeA = nodes[0];
        await using var nodeB = nodes[1];
        using var managerOnA = await ApiClient.SignInAsync(nodeA.Address, ServiceSettings.ManagerUsername, ServiceSettings.ManagerPassword);
        using var managerOnB = managerOnA.On(nodeB.Address);

        // The first signing key is made at the first sign-in (on A); B loads it when a token names it, at most once a second.
        Assert.IsTrue(await Poll.UntilAsync(async () =>
        {
            using var probe = await managerOnB.SendAsync(HttpMethod.Get, "/api/manager/children");
            return probe.StatusCode == HttpStatusCode.OK;
        }, TimeSpan.FromSeconds(20)), "node B takes the token node A issued");

        var duplicated = new List<string>();
        for (int round = 0; round < Rounds; round++)
        {
            string name = $"Ava Thompson {round} {Guid.NewGuid().ToString("N")[..6]}";
            async Task<HttpStatusCode> AddAsync(ApiClient manager)
            {
                using var response = await manager.SendAsync(HttpMethod.Post, "/api/manager/children", ApiClient.JsonBody(new { name, room = "Butterflies" }));
                return response.StatusCode;
            }

            var answers = await Task.WhenAll(AddAsync(managerOnA), AddAsync(managerOnB), AddAsync(managerOnA), AddAsync(managerOnB));
            int created = answers.Count(a => a == HttpStatusCode.Created);
            Assert.IsTrue(answers.All(a => a is HttpStatusCode.Created or HttpStatusCode.Conflict), string.Join(", ", answers));
            if (created != 1)
            {
                duplicated.Add($"{name}: {created} children added ({string.Join(", ", answers)})");
            }
        }

        Assert.IsEmpty(duplicated, "the same child added more than once: " + string.Join("; ", duplicated));
    }
}
