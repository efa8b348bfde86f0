using System.Globalization;
using System.Net;

namespace MediaGate.Service.Tests.TwoNodes;

/// <summary>
/// issue 7's two-node test: two <c>serve</c> processes on one PostgreSQL database and one Azurite account share the
/// work (uploads go to either node; the work queue hands each item to one of them), each item is processed by
/// exactly one node, and a consent withdrawal made through one node is seen through the other.
/// </summary>
/// <remarks>
/// Who processed an item is read from the work queue table (<c>work_queue.claimed_by</c>, <c>attempts</c>;
/// migration 4), the one place that records it; everything else goes through the API.
/// </remarks>
[TestClass]
public sealed class TwoNodeTests : ServiceTest
{
    private const int Uploads = 10;

    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public async Task Serve_TwoNodesOnOneDatabaseAndBlobAccount_ShareTheWorkAndSeeEachOthersWithdrawals()
    {
        var backend = await TestServers.NewBackendAsync();
        var work = NewWorkFolder("two-nodes");
        var nodes = await ServiceProcess.StartAllAsync(
            ServiceSettings.Shared(work, "node-a", Models, backend).With("MEDIAGATE_Gate__NodeName", "node-a"),
            ServiceSettings.Shared(work, "node-b", Models, backend).With("MEDIAGATE_Gate__NodeName", "node-b"));
        await using var nodeA = nodes[0];
        await using var nodeB = nodes[1];

        using var nursery = await Nursery.CreateAsync(nodeA.Address);
        await nursery.GrantJournalAsync(avaGroup: false, benGroup: false, caraGroup: false);
        using var tabletOnB = nursery.Tablet.On(nodeB.Address);
        using var avaParentOnB = nursery.Ava.Parent.On(nodeB.Address);

        // Uploads through both nodes, as a load balancer would spread them.
        var receipts = new List<UploadReceipt>();
        for (int i = 0; i < Uploads; i++)
        {
            var tablet = i % 2 == 0 ? nursery.Tablet : tabletOnB;
            receipts.Add(await tablet.UploadAsync([UploadFile.FromPath(TestPhotos.Solos[i % TestPhotos.Solos.Count])], [nursery.Ava.ChildId], $"two nodes {i}"));
        }

        foreach (var receipt in receipts)
        {
            // Any node answers for any item: the database is the one truth.
            var onA = await nursery.Tablet.WaitUntilDecidedAsync(receipt.ObservationId, TimeSpan.FromSeconds(120));
            var onB = await tabletOnB.ObservationAsync(receipt.ObservationId);
            Assert.AreEqual("released", onA.Single().Status, $"{nodeA.LogTail(20)}\n{nodeB.LogTail(20)}");
            Assert.AreEqual(onA.Single().Status, onB.Single().Status, "both nodes tell the same status");
        }

        // Each item was claimed once, finished, by one node; and both nodes took part.
        var mediaIds = receipts.Select(r => r.Items.Single().MediaId).ToList();
        var rows = await backend.QueryAsync("SELECT id, state, attempts, claimed_by FROM work_queue");
        var byItem = rows.Where(r => mediaIds.Any(m => ((string)r[0]!).Contains(m, StringComparison.Ordinal))).ToList();
        Assert.HasCount(Uploads, byItem, "one work entry per item: " + Describe(rows));
        foreach (var row in byItem)
        {
            Assert.AreEqual("done", row[1], "finished: " + Describe(rows));
            Assert.AreEqual(1L, Convert.ToInt64(row[2], CultureInfo.InvariantCulture), "claimed by exactly one node, once: " + Describe(rows));
        }

        var workers = byItem.Select(r => (string?)r[3]).Distinct().ToList();
        TestContext.WriteLine("items per node: " + string.Join(", ", byItem.GroupBy(r => r[3]).Select(g => $"{g.Key}={g.Count()}")));
        Assert.HasCount(2, workers, "both nodes processed items (the work is shared): " + Describe(rows));

        // A withdrawal through node A is seen through node B within seconds.
        await Poll.UntilAsync(async () => (await avaParentOnB.ReleasedParentMediaAsync()).Count == Uploads, TimeSpan.FromSeconds(20));
        Assert.HasCount(Uploads, await avaParentOnB.ReleasedParentMediaAsync(), "node B shows the items node A processed and vice versa");
        await nursery.Manager.SetConsentAsync(nursery.Ava.ChildId, "journal", granted: false);
        Assert.IsTrue(await Poll.UntilAsync(async () =>
                (await avaParentOnB.ReleasedParentMediaAsync()).Count == 0 && (await avaParentOnB.ParentImageAsync(mediaIds[1])).StatusCode == HttpStatusCode.NotFound,
                EndToEnd.EndToEndScenario.WithdrawalLimit),
            "the withdrawal made through node A is seen through node B within 5 seconds");
    }

    private static string Describe(List<object?[]> rows) =>
        string.Join("; ", rows.Select(r => string.Join('|', r.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)))));
}
