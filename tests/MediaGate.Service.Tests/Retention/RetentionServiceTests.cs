using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace MediaGate.Service.Tests.Retention;

/// <summary>
/// Retention through real <c>mediagate serve</c> processes: an upload cut short by SIGKILL leaves no object behind
/// after a restart; a child marked as left loses their items after the grace; parents export their own journal.
/// </summary>
[TestClass]
public sealed class RetentionServiceTests : ServiceTest
{
    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public async Task Serve_KilledMidUpload_DeletesTheStoredOriginalAfterRestartAndKeepsAcceptedUploads()
    {
        var work = NewWorkFolder("abandoned-upload");
        var settings = ServiceSettings.Embedded(work, "abandoned", Models)
            .With("MEDIAGATE_Gate__Retention__AbandonedUploadSeconds", "5")
            .With("MEDIAGATE_Gate__Retention__SweepSeconds", "1");
        var masters = Path.Combine(settings.DataFolder, "masters");
        var first = await ServiceProcess.StartAsync(settings);
        Nursery nursery;
        string acceptedId;
        string orphan;
        IReadOnlyList<string> before;
        try
        {
            nursery = await Nursery.CreateAsync(first.Address);
            await nursery.GrantJournalAsync(avaGroup: false, benGroup: false, caraGroup: false);
            var accepted = await nursery.Tablet.UploadAsync([UploadFile.FromPath(TestPhotos.Solos[0])], [nursery.Ava.ChildId], "accepted");
            acceptedId = accepted.Items.Single().MediaId;
            Assert.AreEqual("released", (await nursery.Tablet.WaitUntilDecidedAsync(accepted.ObservationId, TimeSpan.FromSeconds(90))).Single().Status, first.LogTail());
            before = ObjectFiles(masters);

            // The stalled upload: its first original is stored (an object, no row yet) when the process dies.
            var body = new StalledUploadContent(nursery.Ava.ChildId, File.ReadAllBytes(TestPhotos.Solos[1]), File.ReadAllBytes(TestPhotos.Solos[2]));
            using var http = first.CreateHttpClient();
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/tablet/observations") { Content = body };
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(body.ContentTypeValue);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", nursery.Tablet.Token);
            var sending = http.SendAsync(request);
            Assert.IsTrue(await Poll.UntilAsync(() => Task.FromResult(ObjectFiles(masters).Except(before).Any()), TimeSpan.FromSeconds(20)),
                "the first original of the stalled upload was never stored\n" + first.LogTail());
            orphan = ObjectFiles(masters).Except(before).Single();
            first.Kill();
            body.Release();
            await Assert.ThrowsAsync<HttpRequestException>(() => sending, "the killed service answered the stalled upload");
        }
        finally
        {
            await first.DisposeAsync();
        }

        Assert.IsTrue(File.Exists(Path.Combine(masters, orphan)), "precondition: the orphan is in the folder store after the kill");
        await using var second = await ServiceProcess.StartAsync(settings);
        using (nursery)
        {
            Assert.IsTrue(await Poll.UntilAsync(() => Task.FromResult(!File.Exists(Path.Combine(masters, orphan))), TimeSpan.FromSeconds(30)),
                $"the abandoned original {orphan} is still in the folder store\n{second.LogTail()}");
            CollectionAssert.AreEquivalent(before.ToList(), ObjectFiles(masters).ToList(), "the accepted upload's objects are untouched, the orphan gone");
            Assert.IsEmpty(Directory.EnumerateFiles(masters, ".*.tmp", SearchOption.AllDirectories).ToList(), "the killed put's temporary file is swept");
            using var avaParent = nursery.Ava.Parent.On(second.Address);
            using var image = await avaParent.ParentImageAsync(acceptedId);
            Assert.AreEqual(HttpStatusCode.OK, image.StatusCode, "the accepted upload is still served");
            using var manager = nursery.Manager.On(second.Address);
            var audit = await manager.AuditAsync();
            Assert.IsTrue(audit.Any(e => e.GetProperty("action").GetString() == "upload-abandoned"), "the clean-up is audited");
            Assert.HasCount(1, await avaParent.ParentMediaAsync(), "nothing of the stalled upload was committed");
        }
    }

    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public async Task ChildLeft_GracePassed_ItemIsDeletedForParentAndTabletAndTheMarkIsValidated()
    {
        var work = NewWorkFolder("child-left");
        await using var service = await ServiceProcess.StartAsync(ServiceSettings.Embedded(work, "left", Models)
            .With("MEDIAGATE_Gate__Retention__GraceDays", "0")
            .With("MEDIAGATE_Gate__Retention__SweepSeconds", "1"));
        using var nursery = await Nursery.CreateAsync(service.Address);
        await nursery.GrantJournalAsync(avaGroup: false, benGroup: false, caraGroup: false);
        var avaUpload = await nursery.Tablet.UploadAsync([UploadFile.FromPath(TestPhotos.Solos[0])], [nursery.Ava.ChildId], "Ava");
        var benUpload = await nursery.Tablet.UploadAsync([UploadFile.FromPath(TestPhotos.Solos[1])], [nursery.Ben.ChildId], "Ben");
        var avaItem = (await nursery.Tablet.WaitUntilDecidedAsync(avaUpload.ObservationId, TimeSpan.FromSeconds(90))).Single();
        var benItem = (await nursery.Tablet.WaitUntilDecidedAsync(benUpload.ObservationId, TimeSpan.FromSeconds(90))).Single();
        Assert.AreEqual("released", avaItem.Status, service.LogTail());

        using (var bad = await nursery.Manager.SendAsync(HttpMethod.Post, $"/api/manager/children/{nursery.Ava.ChildId}/left", ApiClient.JsonBody(new { leftOn = "31/12/2026" })))
        {
            Assert.AreEqual(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.AreEqual("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        }

        using (var unknown = await nursery.Manager.SendAsync(HttpMethod.Post, $"/api/manager/children/{Guid.NewGuid():N}/left", ApiClient.JsonBody(new { leftOn = "2026-01-01" })))
        {
            Assert.AreEqual(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        var yesterday = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var marked = await nursery.Manager.PostJsonAsync<JsonElement>($"/api/manager/children/{nursery.Ava.ChildId}/left", new { leftOn = yesterday }, HttpStatusCode.OK);
        Assert.AreEqual(yesterday, marked.GetProperty("leftOn").GetString());
        Assert.AreEqual(yesterday, marked.GetProperty("deletedFrom").GetString(), "no grace configured");

        Assert.IsTrue(await Poll.UntilAsync(async () => (await nursery.Tablet.ObservationAsync(avaUpload.ObservationId)).Single().Status == "deleted", TimeSpan.FromSeconds(30)),
            "Ava's item was not deleted\n" + service.LogTail());
        using (var image = await nursery.Ava.Parent.ParentImageAsync(avaItem.MediaId))
        {
            Assert.AreEqual(HttpStatusCode.NotFound, image.StatusCode);
        }

        Assert.IsEmpty(await nursery.Ava.Parent.ParentMediaAsync());
        using (var master = await nursery.Manager.SendAsync(HttpMethod.Get, $"/api/manager/media/{avaItem.MediaId}/master"))
        {
            Assert.AreEqual(HttpStatusCode.NotFound, master.StatusCode, "the master is gone");
        }

        Assert.AreEqual(benItem.Status, (await nursery.Tablet.ObservationAsync(benUpload.ObservationId)).Single().Status, "Ben has not left");
        using (var benImage = await nursery.Ben.Parent.ParentImageAsync(benItem.MediaId))
        {
            Assert.AreEqual(HttpStatusCode.OK, benImage.StatusCode);
        }

        var audit = await nursery.Manager.AuditAsync();
        Assert.IsTrue(audit.Any(e => e.GetProperty("action").GetString() == "retention-delete" && e.GetProperty("subject").GetString() == avaItem.MediaId));
        Assert.IsTrue(audit.Any(e => e.GetProperty("action").GetString() == "child-left" && e.GetProperty("subject").GetString() == nursery.Ava.ChildId));
    }

    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public async Task Export_ParentOfAva_GetsAZipOfExactlyHerRenditionsWithNoOtherChildsName()
    {
        var work = NewWorkFolder("export");
        await using var service = await ServiceProcess.StartAsync(ServiceSettings.Embedded(work, "export", Models));
        using var nursery = await Nursery.CreateAsync(service.Address);
        await nursery.GrantJournalAsync(avaGroup: true, benGroup: true, caraGroup: false);
        var uploads = new[]
        {
            await nursery.Tablet.UploadAsync([UploadFile.FromPath(TestPhotos.Solos[0])], [nursery.Ava.ChildId], $"{nursery.Ben.ChildName} watched"),
            await nursery.Tablet.UploadAsync([UploadFile.FromPath(TestPhotos.GroupOfTwo)], [nursery.Ava.ChildId, nursery.Ben.ChildId], "together"),
            await nursery.Tablet.UploadAsync([UploadFile.FromPath(TestPhotos.Solos[1])], [nursery.Ben.ChildId], "Ben alone"),
        };
        foreach (var upload in uploads)
        {
            await nursery.Tablet.WaitUntilDecidedAsync(upload.ObservationId, TimeSpan.FromSeconds(90));
        }

        var journal = await nursery.Ava.Parent.ReleasedParentMediaAsync();
        Assert.IsNotEmpty(journal, "precondition: Ava's parent has a journal\n" + service.LogTail());

        using var response = await nursery.Ava.Parent.SendAsync(HttpMethod.Get, "/api/parent/export");

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.IsTrue(response.Headers.CacheControl?.NoStore ?? false, "an export is not cached");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        Assert.HasCount(journal.Count, zip.Entries, "one file per journal entry");
        foreach (var entry in journal)
        {
            var file = zip.Entries.Single(e => e.Name.Contains(entry.MediaId[..8], StringComparison.Ordinal));
            StringAssert.StartsWith(file.FullName, "Ava/", "a folder named after her own child");
            using var image = await nursery.Ava.Parent.ParentImageAsync(entry.MediaId);
            var expected = await image.Content.ReadAsByteArrayAsync();
            using var content = new MemoryStream();
            await using (var stream = await file.OpenAsync())
            {
                await stream.CopyToAsync(content);
            }

            CollectionAssert.AreEqual(expected, content.ToArray(), $"{file.FullName} is the rendition made for Ava's parent");
        }

        Assert.IsFalse(zip.Entries.Any(e => e.FullName.Contains("Ben", StringComparison.OrdinalIgnoreCase)), "an entry name holds another child's name");
        // Long enough not to turn up by chance in JPEG bytes: names, ids and the notes (which may name other children).
        foreach (var secret in new[] { nursery.Ben.ChildName, nursery.Ben.ChildId, nursery.Cara.ChildName, "watched", "together" })
        {
            Assert.IsFalse(Encoding.Latin1.GetString(bytes).Contains(secret, StringComparison.OrdinalIgnoreCase), $"the ZIP holds '{secret}'");
        }

        using var caraExport = await nursery.Cara.Parent.SendAsync(HttpMethod.Get, "/api/parent/export");
        using var empty = new ZipArchive(new MemoryStream(await caraExport.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read);
        Assert.IsEmpty(empty.Entries, "Cara has no journal: an empty export");
        var audit = await nursery.Manager.AuditAsync();
        Assert.IsTrue(audit.Any(e => e.GetProperty("action").GetString() == "export" && e.GetProperty("actor").GetString() == nursery.Ava.ParentAccountId));
    }

    /// <summary>The folder store's object files (temporary files start with a dot), relative to its root.</summary>
    private static IReadOnlyList<string> ObjectFiles(string root) => Directory.Exists(root)
        ? Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f))
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(s => s.StartsWith('.')))
            .Order(StringComparer.Ordinal).ToArray()
        : [];
}
