using System.Net;
using System.Text.Json;

namespace MediaGate.Service.Tests.Review;

/// <summary>
/// Issue 12, "the manager's answer is final", over HTTP against a running service: a photo held because a face nobody
/// named is released by the manager's release (the parent sees it, every unnamed face masked on the pixels), and the
/// manager's website and publicity approvals publish it (the feed lists it, the publicity download works). Before the
/// fix the page said "released ... The item is now held", the parent saw "being checked", the feed stayed [] and the
/// publicity download was 404.
/// </summary>
[TestClass]
public sealed class ManagerReleaseTests : ServiceTest
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public async Task Decision_ReleaseAndApprovalsOfAPhotoWithUnnamedFaces_ReleaseAndPublishItMasked()
    {
        var work = NewWorkFolder("manager-release");
        await using var service = await ServiceProcess.StartAsync(ServiceSettings.Embedded(work, "release", Models));
        using var nursery = await Nursery.CreateAsync(service.Address);
        await nursery.GrantJournalAsync(avaGroup: true, benGroup: true, caraGroup: true);
        await nursery.Manager.SetConsentAsync(nursery.Ava.ChildId, "website", granted: true);

        // Two people, Ava tagged alone: more faces than tagged children, nobody named either face.
        var upload = await nursery.Tablet.UploadAsync([UploadFile.FromPath(TestPhotos.GroupOfTwo)], [nursery.Ava.ChildId], "Two at the table");
        var item = (await nursery.Tablet.WaitUntilDecidedAsync(upload.ObservationId, TimeSpan.FromSeconds(90))).Single();
        Assert.AreEqual("needs-assignment", item.Status, service.LogTail());
        Assert.HasCount(2, item.Faces);
        Assert.IsEmpty(await nursery.Ava.Parent.ReleasedParentMediaAsync(), "held: the parent sees nothing released yet");

        var journal = await DecideAsync(nursery, item.MediaId, "journal", "release");
        Assert.AreEqual("released", journal.GetProperty("status").GetString(), journal.ToString());
        StringAssert.StartsWith(journal.GetProperty("summary").GetString(), "Released to ");

        Assert.IsTrue(await Poll.UntilAsync(async () => (await nursery.Ava.Parent.ReleasedParentMediaAsync()).Any(m => m.MediaId == item.MediaId), Limit),
            "Ava's parent lists the photo as released");
        using var image = await nursery.Ava.Parent.ParentImageAsync(item.MediaId);
        await ApiClient.ExpectAsync(image, "GET parent image", HttpStatusCode.OK);
        var master = await nursery.Manager.GetMasterAsync(item.MediaId);
        var pixels = new FacePixels(master, await image.Content.ReadAsByteArrayAsync(), item.Faces);
        foreach (var face in item.Faces)
        {
            Assert.IsTrue(pixels.IsMasked(face), "a face nobody named is masked: " + pixels.Describe(face));
        }

        var publishable = await nursery.Manager.GetJsonAsync<JsonElement>("/api/manager/review?view=publishable");
        Assert.IsTrue(publishable.EnumerateArray().Any(i => i.GetProperty("mediaId").GetString() == item.MediaId), "offered for website approval");

        var website = await DecideAsync(nursery, item.MediaId, "website", "approve");
        StringAssert.Contains(website.GetProperty("summary").GetString(), "Website: approved and published.");
        var key = await nursery.Manager.CreateWebsiteKeyAsync("site-" + nursery.Tag);
        using var site = ApiClient.Website(service.Address, key);
        Assert.IsTrue(await Poll.UntilAsync(async () => (await site.WebsitePhotosAsync()).Count == 1, Limit), "the website feed lists the approved photo");
        var onSite = await site.GetBytesAsync((await site.WebsitePhotosAsync())[0].Url);
        var sitePixels = new FacePixels(master, onSite, item.Faces);
        Assert.IsTrue(item.Faces.All(sitePixels.IsMasked), "unnamed faces are masked on the website: " + string.Join("; ", item.Faces.Select(sitePixels.Describe)));

        await DecideAsync(nursery, item.MediaId, "publicity", "approve");
        using var publicity = await nursery.Manager.SendAsync(HttpMethod.Get, $"/api/manager/media/{item.MediaId}/publicity");
        Assert.AreEqual(HttpStatusCode.OK, publicity.StatusCode, "the approved publicity rendition can be downloaded");
    }

    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public async Task AssignFaces_ByTheTabletAfterTheManagersRelease_IsRefusedAndTheMaskStays()
    {
        var work = NewWorkFolder("manager-final");
        await using var service = await ServiceProcess.StartAsync(ServiceSettings.Embedded(work, "final", Models));
        using var nursery = await Nursery.CreateAsync(service.Address);
        await nursery.GrantJournalAsync(avaGroup: true, benGroup: true, caraGroup: true);

        var upload = await nursery.Tablet.UploadAsync([UploadFile.FromPath(TestPhotos.GroupOfTwo)], [nursery.Ava.ChildId], "Two at the table");
        var item = (await nursery.Tablet.WaitUntilDecidedAsync(upload.ObservationId, TimeSpan.FromSeconds(90))).Single();
        Assert.AreEqual("needs-assignment", item.Status, service.LogTail());
        Assert.HasCount(2, item.Faces);
        var (stranger, ava) = (item.Faces[0], item.Faces[1]);

        // The manager names the second face Ava and the first someone outside the setting, and releases: the first is masked.
        using (var decided = await nursery.Manager.SendAsync(HttpMethod.Post, $"/api/manager/media/{item.MediaId}/decision", ApiClient.JsonBody(new
        {
            purpose = "journal",
            action = "release",
            assignments = new object[]
            {
                new { faceId = stranger.FaceId, childId = (string?)null, kind = "not-a-child" },
                new { faceId = ava.FaceId, childId = nursery.Ava.ChildId },
            },
        })))
        {
            await ApiClient.ExpectAsync(decided, "POST decision journal/release", HttpStatusCode.OK);
        }

        // The tablet then says the masked face is "not a face": the manager's answer is final, so this is refused.
        using (var dismissed = await nursery.Tablet.SendAsync(HttpMethod.Put, $"/api/tablet/media/{item.MediaId}/faces",
            ApiClient.JsonBody(new[] { new { faceId = stranger.FaceId, childId = (string?)null, kind = "not-a-face" } })))
        {
            await ApiClient.ExpectAsync(dismissed, "PUT faces after the manager's release", HttpStatusCode.Conflict);
        }

        using var image = await nursery.Ava.Parent.ParentImageAsync(item.MediaId);
        await ApiClient.ExpectAsync(image, "GET parent image", HttpStatusCode.OK);
        var pixels = new FacePixels(await nursery.Manager.GetMasterAsync(item.MediaId), await image.Content.ReadAsByteArrayAsync(), item.Faces);
        Assert.IsTrue(pixels.IsMasked(stranger), "the face the manager masked stays masked: " + pixels.Describe(stranger));
        Assert.IsTrue(pixels.IsShown(ava), "Ava is shown to her own family: " + pixels.Describe(ava));
    }

    private static async Task<JsonElement> DecideAsync(Nursery nursery, string mediaId, string purpose, string action)
    {
        using var response = await nursery.Manager.SendAsync(HttpMethod.Post, $"/api/manager/media/{mediaId}/decision", ApiClient.JsonBody(new { purpose, action }));
        return await ApiClient.ReadAsync<JsonElement>(response, $"POST decision {purpose}/{action}", HttpStatusCode.OK);
    }
}
