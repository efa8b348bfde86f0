using System.Net;

namespace MediaGate.Service.Tests.Crash;

/// <summary>
/// issue 7's crash test: the service is killed with SIGKILL (no shutdown code runs) while accepted uploads are
/// still processing, then started again on the same data folder: every accepted upload is processed, none is
/// lost and none is duplicated, and an upload sent again with its Idempotency-Key returns the same item.
/// </summary>
[TestClass]
public sealed class CrashRecoveryTests : ServiceTest
{
    private const int Uploads = 8;

    /// <summary>Gate:LeaseSeconds: short, so that the item the killed node had claimed comes back to the restarted one quickly.</summary>
    private const string LeaseSeconds = "10";

    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public async Task Serve_KilledWhileItemsAreProcessingOnSqlite_ProcessesEveryAcceptedUploadOnceAfterRestart()
    {
        var work = NewWorkFolder("crash-sqlite");
        await KillAndRestartAsync(ServiceSettings.Embedded(work, "crash", Models).With("MEDIAGATE_Gate__LeaseSeconds", LeaseSeconds));
    }

    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public async Task Serve_KilledWhileItemsAreProcessingOnPostgresAndAzurite_ProcessesEveryAcceptedUploadOnceAfterRestart()
    {
        var backend = await TestServers.NewBackendAsync();
        var work = NewWorkFolder("crash-pg");

        await KillAndRestartAsync(ServiceSettings.Shared(work, "crash", Models, backend).With("MEDIAGATE_Gate__LeaseSeconds", LeaseSeconds));
    }

    private static async Task KillAndRestartAsync(ServiceSettings settings)
    {
        var first = await ServiceProcess.StartAsync(settings);
        Nursery nursery;
        var receipts = new List<(UploadReceipt Receipt, string Key, UploadFile File)>();
        IReadOnlyList<ItemView> beforeKill;
        try
        {
            nursery = await Nursery.CreateAsync(first.Address);
            await nursery.GrantJournalAsync(avaGroup: false, benGroup: false, caraGroup: false);
            for (int i = 0; i < Uploads; i++)
            {
                var file = UploadFile.FromPath(TestPhotos.Solos[i % TestPhotos.Solos.Count]);
                var key = Guid.NewGuid().ToString("N");
                var child = i % 2 == 0 ? nursery.Ava : nursery.Ben;
                receipts.Add((await nursery.Tablet.UploadAsync([file], [child.ChildId], $"crash upload {i}", key), key, file));
            }

            beforeKill = await nursery.Tablet.ObservationAsync(receipts[^1].Receipt.ObservationId);
        }
        catch
        {
            await first.DisposeAsync();
            throw;
        }

        // SIGKILL right after the last receipt: the worker is in the middle of the queue.
        first.Kill();
        await first.DisposeAsync();
        Assert.IsTrue(beforeKill.Any(i => !i.IsDecided), "precondition: the last upload was still processing when the service was killed");

        await using var second = await ServiceProcess.StartAsync(settings);
        using (nursery)
        {
            // Tokens stay valid across the restart (the signing keys live in the data folder).
            using var tablet = nursery.Tablet.On(second.Address);
            using var avaParent = nursery.Ava.Parent.On(second.Address);
            using var benParent = nursery.Ben.Parent.On(second.Address);
            var expectedIds = receipts.Select(r => r.Receipt.Items.Single().MediaId).ToList();
            Assert.HasCount(Uploads, expectedIds.Distinct().ToList(), "every upload got its own item");
            foreach (var (receipt, _, _) in receipts)
            {
                var items = await tablet.WaitUntilDecidedAsync(receipt.ObservationId, TimeSpan.FromSeconds(120));
                Assert.HasCount(1, items, "one file, one item, after the restart too");
                Assert.AreEqual(receipt.Items[0].MediaId, items[0].MediaId, "the accepted item survived");
                Assert.AreEqual("released", items[0].Status, $"{items[0].MediaId}: a consented solo photo is released\n{second.LogTail()}");
                Assert.HasCount(1, items[0].Faces, "faces are saved once, not once per attempt");
            }

            // Each parent's journal lists each of their items exactly once, and every rendition is there.
            var avaItems = await WaitForCountAsync(avaParent, Uploads / 2);
            var benItems = await WaitForCountAsync(benParent, Uploads / 2);
            CollectionAssert.AreEquivalent(expectedIds.Where((_, i) => i % 2 == 0).ToList(), avaItems, "Ava's items, each once");
            CollectionAssert.AreEquivalent(expectedIds.Where((_, i) => i % 2 == 1).ToList(), benItems, "Ben's items, each once");
            foreach (var id in avaItems)
            {
                using var image = await avaParent.ParentImageAsync(id);
                Assert.AreEqual(HttpStatusCode.OK, image.StatusCode, $"the rendition of {id} exists after the restart");
            }

            // The same upload sent again with its key stores nothing new and answers with the same item.
            var (firstReceipt, firstKey, firstFile) = receipts[0];
            var again = await tablet.UploadAsync([firstFile], [nursery.Ava.ChildId], "crash upload 0", firstKey);
            Assert.AreEqual(firstReceipt.ObservationId, again.ObservationId, "the idempotency key survived the crash");
            Assert.AreEqual(firstReceipt.Items[0].MediaId, again.Items.Single().MediaId);
            await Task.Delay(1000);
            CollectionAssert.AreEquivalent(avaItems, (await avaParent.ParentMediaAsync()).Select(m => m.MediaId).ToList(), "the repeat added nothing");
        }
    }

    private static async Task<List<string>> WaitForCountAsync(ApiClient parent, int count)
    {
        await Poll.UntilAsync(async () => (await parent.ReleasedParentMediaAsync()).Count >= count, TimeSpan.FromSeconds(30));
        return (await parent.ReleasedParentMediaAsync()).Select(m => m.MediaId).ToList();
    }
}
