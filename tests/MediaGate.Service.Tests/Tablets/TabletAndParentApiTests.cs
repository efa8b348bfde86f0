using System.Net;
using System.Text.Json;

namespace MediaGate.Service.Tests.Tablets;

/// <summary>
/// README's tablet and parent additions and the manager's publicity download, through HTTP against one
/// <c>serve</c> process (SQLite and folders) shared by the class; each test sets up a nursery of its own.
/// </summary>
[TestClass]
public sealed class TabletAndParentApiTests : ServiceTest
{
    private static readonly TimeSpan ProcessingLimit = TimeSpan.FromSeconds(90);
    private static ServiceProcess? service;
    private static string? workFolder;

    /// <summary>A tall photo (1024 x 1259) from the shared face set: its preview must come out smaller.</summary>
    private static string TallPhoto => Path.Combine(TestPaths.FacesDev, "images", "32--Worker_Laborer", "32_Worker_Laborer_Worker_Laborer_32_860.jpg");

    private static ServiceProcess Service => service ?? throw new InvalidOperationException("the service did not start");

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        workFolder = ServiceSettings.NewWorkFolder("tablet-parent");
        context.WriteLine("work folder (server logs): " + workFolder);
        service = await ServiceProcess.StartAsync(ServiceSettings.Embedded(workFolder, "tablet-parent", Models));
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
    [Timeout(120_000, CooperativeCancellation = true)]
    public async Task TabletChildren_SignedInTablet_ListsEveryChildWithNameAndRoom()
    {
        using var nursery = await Nursery.CreateAsync(Service.Address);

        var children = await nursery.Tablet.GetJsonAsync<List<JsonElement>>("/api/tablet/children");

        var ava = children.Single(c => c.GetProperty("id").GetString() == nursery.Ava.ChildId);
        Assert.AreEqual(nursery.Ava.ChildName, ava.GetProperty("name").GetString());
        Assert.AreEqual("Robins", ava.GetProperty("room").GetString());
        Assert.AreEqual("Wrens", children.Single(c => c.GetProperty("id").GetString() == nursery.Cara.ChildId).GetProperty("room").GetString());
    }

    [TestMethod]
    [Timeout(180_000, CooperativeCancellation = true)]
    public async Task TabletObservations_TwoStaffMembers_EachListsOnlyTheirOwnNewestFirst()
    {
        using var nursery = await Nursery.CreateAsync(Service.Address);
        using var other = await OtherStaffAsync(nursery);
        var first = await nursery.Tablet.UploadAsync([UploadFile.FromPath(TestPhotos.Solos[0])], [nursery.Ava.ChildId], "first");
        var second = await nursery.Tablet.UploadAsync([UploadFile.FromPath(TestPhotos.Solos[1])], [nursery.Ben.ChildId], "second");
        var theirs = await other.UploadAsync([UploadFile.FromPath(TestPhotos.Solos[2])], [nursery.Cara.ChildId], "someone else's");

        var mine = await nursery.Tablet.GetJsonAsync<List<JsonElement>>("/api/tablet/observations?limit=20");
        var newest = await nursery.Tablet.GetJsonAsync<List<JsonElement>>("/api/tablet/observations?limit=1");

        CollectionAssert.AreEqual(new[] { second.ObservationId, first.ObservationId }, mine.Select(o => o.GetProperty("observationId").GetString()).ToArray(),
            "only this staff member's observations, newest first");
        Assert.AreEqual(second.ObservationId, newest.Single().GetProperty("observationId").GetString(), "limit=1 gives the newest");
        Assert.AreEqual("second", mine[0].GetProperty("note").GetString());
        Assert.AreEqual(second.Items[0].MediaId, mine[0].GetProperty("items")[0].GetProperty("mediaId").GetString(), "items as the observation endpoint shows them");
        Assert.IsTrue(mine[0].TryGetProperty("uploadedAt", out var uploadedAt) && uploadedAt.TryGetDateTimeOffset(out _), "each has uploadedAt");
        Assert.AreEqual(theirs.ObservationId, (await other.RecentObservationIdsAsync()).Single());
        using var bad = await nursery.Tablet.SendAsync(HttpMethod.Get, "/api/tablet/observations?limit=0");
        Assert.AreEqual(HttpStatusCode.BadRequest, bad.StatusCode, "limit 0 is refused");
        Assert.AreEqual("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
    }

    [TestMethod]
    [Timeout(180_000, CooperativeCancellation = true)]
    public async Task TabletPreview_Uploader_GetsASmallUncachedJpegAndAnyoneElse404()
    {
        using var nursery = await Nursery.CreateAsync(Service.Address);
        using var other = await OtherStaffAsync(nursery);
        var upload = await nursery.Tablet.UploadAsync([UploadFile.FromPath(TallPhoto)], [nursery.Ava.ChildId], "tall");
        var mediaId = upload.Items[0].MediaId;
        await nursery.Tablet.WaitUntilDecidedAsync(upload.ObservationId, ProcessingLimit);

        using var response = await nursery.Tablet.SendAsync(HttpMethod.Get, $"/api/tablet/media/{mediaId}/preview");
        await ApiClient.ExpectAsync(response, "GET preview", HttpStatusCode.OK);
        Assert.AreEqual("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", "a preview is never cached");
        Assert.IsTrue(response.Headers.CacheControl?.Private, "a preview is private");
        var preview = RgbImage.FromJpeg(await response.Content.ReadAsByteArrayAsync());
        var master = RgbImage.FromJpeg(await nursery.Manager.GetMasterAsync(mediaId));
        Assert.AreEqual(1024, Math.Max(preview.Width, preview.Height), "the long side is reduced to 1024 px");
        Assert.AreEqual((double)master.Width / master.Height, (double)preview.Width / preview.Height, 0.01, "the master's aspect ratio");

        using (var forOther = await other.SendAsync(HttpMethod.Get, $"/api/tablet/media/{mediaId}/preview"))
        {
            Assert.AreEqual(HttpStatusCode.NotFound, forOther.StatusCode, "another staff member's upload is 404");
        }

        using (var unknown = await nursery.Tablet.SendAsync(HttpMethod.Get, $"/api/tablet/media/{Guid.NewGuid():N}/preview"))
        {
            Assert.AreEqual(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        var audit = await nursery.Manager.AuditAsync();
        Assert.IsTrue(audit.Any(e => e.GetProperty("action").GetString() == "view-preview" && e.GetProperty("subject").GetString() == mediaId),
            "the preview is audited as a view");
    }

    [TestMethod]
    [Timeout(180_000, CooperativeCancellation = true)]
    public async Task ParentMedia_HeldReleasedAndBlockedItems_CheckingAndReleasedListedNewestFirstBlockedNot()
    {
        using var nursery = await Nursery.CreateAsync(Service.Address);
        var (ava, ben, cara) = (nursery.Ava, nursery.Ben, nursery.Cara);
        await nursery.Manager.SetConsentAsync(ava.ChildId, "journal", granted: true);
        await nursery.Manager.SetConsentAsync(ben.ChildId, "journal", granted: true);
        // Cara has no journal consent: her solo photo is blocked for her family.
        var group = await nursery.Tablet.UploadAsync([UploadFile.FromPath(TestPhotos.GroupOfTwo)], [ava.ChildId, ben.ChildId], "together");
        var solo = await nursery.Tablet.UploadAsync([UploadFile.FromPath(TestPhotos.Solos[0])], [ava.ChildId], "alone");
        var caras = await nursery.Tablet.UploadAsync([UploadFile.FromPath(TestPhotos.Solos[1])], [cara.ChildId], "Cara alone");
        var groupItem = (await nursery.Tablet.WaitUntilDecidedAsync(group.ObservationId, ProcessingLimit)).Single();
        var soloItem = (await nursery.Tablet.WaitUntilDecidedAsync(solo.ObservationId, ProcessingLimit)).Single();
        var caraItem = (await nursery.Tablet.WaitUntilDecidedAsync(caras.ObservationId, ProcessingLimit)).Single();
        Assert.AreEqual("needs-assignment", groupItem.Status, "two faces nobody assigned: waiting for staff");
        Assert.AreEqual("released", soloItem.Status);
        Assert.AreEqual("blocked", caraItem.Status);

        var forAva = await ava.Parent.ParentMediaAsync();

        CollectionAssert.AreEqual(new[] { soloItem.MediaId, groupItem.MediaId }, forAva.Select(m => m.MediaId).ToArray(), "newest first");
        Assert.AreEqual(("released", "journal"), (forAva[0].Status, forAva[0].Purpose));
        Assert.AreEqual(("checking", "journal"), (forAva[1].Status, forAva[1].Purpose), "a held item is listed as checking");
        using (var image = await ava.Parent.ParentImageAsync(groupItem.MediaId))
        {
            Assert.AreEqual(HttpStatusCode.NotFound, image.StatusCode, "an item being checked has no image yet");
        }

        Assert.IsEmpty(await cara.Parent.ParentMediaAsync(), "a blocked item is not listed");
    }

    [TestMethod]
    [Timeout(180_000, CooperativeCancellation = true)]
    public async Task ManagerPublicity_BeforeAndAfterApproval_Is404ThenTheAuditedJpeg()
    {
        using var nursery = await Nursery.CreateAsync(Service.Address);
        await nursery.Manager.SetConsentAsync(nursery.Ava.ChildId, "journal", granted: true);
        await nursery.Manager.SetConsentAsync(nursery.Ava.ChildId, "publicity", granted: true);
        var upload = await nursery.Tablet.UploadAsync([UploadFile.FromPath(TestPhotos.Solos[3])], [nursery.Ava.ChildId], "prospectus");
        var item = (await nursery.Tablet.WaitUntilDecidedAsync(upload.ObservationId, ProcessingLimit)).Single();
        var path = $"/api/manager/media/{item.MediaId}/publicity";
        using (var before = await nursery.Manager.SendAsync(HttpMethod.Get, path))
        {
            Assert.AreEqual(HttpStatusCode.NotFound, before.StatusCode, "nothing to post before the manager approves");
        }

        await nursery.Manager.DecideAsync(item.MediaId, "publicity", "approve");
        byte[]? jpeg = null;
        Assert.IsTrue(await Poll.UntilAsync(async () =>
        {
            using var response = await nursery.Manager.SendAsync(HttpMethod.Get, path);
            jpeg = response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadAsByteArrayAsync() : null;
            return jpeg is not null;
        }, TimeSpan.FromSeconds(10)), "the approved publicity rendition can be downloaded");
        var pixels = new FacePixels(await nursery.Manager.GetMasterAsync(item.MediaId), jpeg!, item.Faces);
        Assert.IsTrue(pixels.IsShown(item.Faces[0]), "Ava has publicity consent: shown: " + pixels.Describe(item.Faces[0]));
        Assert.DoesNotContain("Zq" + nursery.Tag, System.Text.Encoding.Latin1.GetString(jpeg!), "no name inside the publicity JPEG");
        var audit = await nursery.Manager.AuditAsync();
        Assert.IsTrue(audit.Any(e => e.GetProperty("action").GetString() == "export-publicity" && e.GetProperty("subject").GetString() == item.MediaId),
            "the download is audited");

        await nursery.Manager.SetConsentAsync(nursery.Ava.ChildId, "publicity", granted: false);
        using var after = await nursery.Manager.SendAsync(HttpMethod.Get, path);
        Assert.AreEqual(HttpStatusCode.NotFound, after.StatusCode, "withdrawn: nothing to post");
    }

    /// <summary>A second staff member signed in on a second tablet of the same nursery.</summary>
    private static async Task<ApiClient> OtherStaffAsync(Nursery nursery)
    {
        var username = "staff-other-" + nursery.Tag;
        await nursery.Manager.CreateStaffAsync(username, "715302");
        var device = await nursery.Manager.RegisterDeviceAsync("Wrens tablet " + nursery.Tag);
        return await ApiClient.SignInTabletAsync(Service.Address, device, username, "715302");
    }

    [TestMethod]
    [Timeout(120_000, CooperativeCancellation = true)]
    public async Task TabletChildren_ChildHasLeft_ListsOnlyTheActiveChildren()
    {
        using var nursery = await Nursery.CreateAsync(Service.Address);
        using var left = await nursery.Manager.SendAsync(HttpMethod.Post, $"/api/manager/children/{nursery.Ava.ChildId}/left", ApiClient.JsonBody(new { leftOn = "2020-01-31" }));
        await ApiClient.ExpectAsync(left, "POST child left", HttpStatusCode.OK);

        var children = await nursery.Tablet.GetJsonAsync<List<JsonElement>>("/api/tablet/children");

        var ids = children.Select(c => c.GetProperty("id").GetString()).ToArray();
        CollectionAssert.DoesNotContain(ids, nursery.Ava.ChildId, "a child who left is not offered for tagging");
        CollectionAssert.Contains(ids, nursery.Ben.ChildId, "the children still at the setting are");
    }

    [TestMethod]
    [Timeout(120_000, CooperativeCancellation = true)]
    public async Task TabletUpload_TaggedChildHasLeft_Returns400AndStoresNothing()
    {
        using var nursery = await Nursery.CreateAsync(Service.Address);
        using var left = await nursery.Manager.SendAsync(HttpMethod.Post, $"/api/manager/children/{nursery.Ava.ChildId}/left", ApiClient.JsonBody(new { leftOn = "2020-01-31" }));
        await ApiClient.ExpectAsync(left, "POST child left", HttpStatusCode.OK);

        using var upload = await nursery.Tablet.SendUploadAsync(
            [UploadFile.FromPath(TestPhotos.Solos[0])], [nursery.Ava.ChildId, nursery.Ben.ChildId], "after she left", Guid.NewGuid().ToString("N"));

        Assert.AreEqual(HttpStatusCode.BadRequest, upload.StatusCode, await upload.Content.ReadAsStringAsync());
        Assert.AreEqual("application/problem+json", upload.Content.Headers.ContentType?.MediaType);
        Assert.IsEmpty(await nursery.Tablet.RecentObservationIdsAsync(), "nothing was stored");
    }

    [TestMethod]
    [Timeout(240_000, CooperativeCancellation = true)]
    public async Task ParentExport_TwoReleasedItems_ZipFromTheServerHoldsBothJpegs()
    {
        using var nursery = await Nursery.CreateAsync(Service.Address);
        await nursery.GrantJournalAsync(avaGroup: true, benGroup: true, caraGroup: true);
        var first = await nursery.Tablet.UploadAsync([UploadFile.FromPath(TestPhotos.Solos[0])], [nursery.Ava.ChildId], "one");
        var second = await nursery.Tablet.UploadAsync([UploadFile.FromPath(TestPhotos.Solos[1])], [nursery.Ava.ChildId], "two");
        await nursery.Tablet.WaitUntilDecidedAsync(first.ObservationId, ProcessingLimit);
        await nursery.Tablet.WaitUntilDecidedAsync(second.ObservationId, ProcessingLimit);
        Assert.IsTrue(await Poll.UntilAsync(async () => (await nursery.Ava.Parent.ReleasedParentMediaAsync()).Count == 2, TimeSpan.FromSeconds(30)), "both released");

        // Through Kestrel, which refuses synchronous writes: the ZIP must be whole, not cut off after its first file.
        var zip = await nursery.Ava.Parent.GetBytesAsync("/api/parent/export");

        using var archive = new System.IO.Compression.ZipArchive(new MemoryStream(zip), System.IO.Compression.ZipArchiveMode.Read);
        Assert.HasCount(2, archive.Entries, string.Join(", ", archive.Entries.Select(e => e.FullName)));
        foreach (var entry in archive.Entries)
        {
            using var content = entry.Open();
            var bytes = new byte[3];
            content.ReadExactly(bytes);
            CollectionAssert.AreEqual(new byte[] { 0xFF, 0xD8, 0xFF }, bytes, entry.FullName + " is a JPEG");
        }
    }
}
