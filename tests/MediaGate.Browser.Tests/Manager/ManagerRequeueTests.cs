namespace MediaGate.Browser.Tests.Manager;

/// <summary>
/// Issue 13 (a store that is briefly unavailable): the dashboard's "Try failed photos again" button puts every failed
/// item back in the queue through <c>POST /api/manager/media/requeue</c>, says how many, and the re-queue is audited.
/// </summary>
[TestClass]
public sealed class ManagerRequeueTests : BrowserTest
{
    [TestMethod]
    public async Task TryFailedPhotosAgain_OneFailedUpload_SaysOneWasPutBackAndAuditsTheRequeue()
    {
        var service = await StartServiceAsync();
        using var nursery = await Nursery.CreateAsync(service.Address);
        await nursery.GrantJournalAsync(avaGroup: false, benGroup: false, caraGroup: false);
        // A JPEG's first bytes and then nothing a decoder can read: accepted at the door (202), failed in processing.
        var broken = new byte[64 * 1024];
        new Random(13).NextBytes(broken);
        broken[0] = 0xFF;
        broken[1] = 0xD8;
        broken[2] = 0xFF;
        broken[3] = 0xE0;
        var upload = await nursery.Tablet.UploadAsync([new UploadFile("broken.jpg", broken)], [nursery.Ava.ChildId], "Painting");
        var failed = (await nursery.Tablet.WaitUntilDecidedAsync(upload.ObservationId, TimeSpan.FromSeconds(120))).Single();
        Assert.AreEqual("failed", failed.Status, "the broken upload fails in processing");

        var page = await NewPageAsync(service);
        await ManagerConsole.SignInAsync(page, "index.html");
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Try failed photos again" }).ClickAsync();

        await Assertions.Expect(page.Page.Locator(".requeue [role='status']")).ToHaveTextAsync("1 failed photo(s) put back in the queue.");
        var audit = await nursery.Manager.AuditAsync();
        Assert.IsTrue(
            audit.Any(e => e.GetProperty("action").GetString() == "requeue" && e.ToString().Contains(failed.MediaId, StringComparison.Ordinal)),
            "the audit log records the re-queue of the failed photo");
    }
}
