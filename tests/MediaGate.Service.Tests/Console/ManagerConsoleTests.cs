using System.Net;
using System.Text.Json;

namespace MediaGate.Service.Tests.Console;

/// <summary>
/// The manager console's API (README) on a real <c>mediagate serve</c> with real photos: the consent preview
/// names exactly the items the save then changes, the dashboard counts what happened, and signing out ends a session.
/// </summary>
[TestClass]
public sealed class ManagerConsoleTests : ServiceTest
{
    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public async Task ConsentPreview_JournalWithdrawal_NamesExactlyTheItemsTheSaveTakesDown()
    {
        var work = NewWorkFolder("console-preview");
        await using var service = await ServiceProcess.StartAsync(ServiceSettings.Embedded(work, "console", Models));
        using var nursery = await Nursery.CreateAsync(service.Address);
        await nursery.GrantJournalAsync(avaGroup: false, benGroup: false, caraGroup: false);
        var avaItem = await ReleasedAsync(nursery, TestPhotos.Solos[2], nursery.Ava.ChildId, service);
        var benItem = await ReleasedAsync(nursery, TestPhotos.Solos[3], nursery.Ben.ChildId, service);
        Assert.IsTrue(await Poll.UntilAsync(async () => (await nursery.Ava.Parent.ParentMediaAsync()).Count == 1, TimeSpan.FromSeconds(10)));
        var withdrawal = new { granted = false, givenBy = "Mother", evidence = "WITHDRAW-1" };

        var preview = await nursery.Manager.PostJsonAsync<JsonElement>("/api/manager/consents/preview",
            new { childId = nursery.Ava.ChildId, purpose = "journal", withdrawal.granted, withdrawal.givenBy, withdrawal.evidence }, HttpStatusCode.OK);

        Assert.AreEqual(1, preview.GetProperty("count").GetInt32(), preview.ToString());
        var affected = preview.GetProperty("affected")[0];
        Assert.AreEqual(avaItem, affected.GetProperty("mediaId").GetString());
        CollectionAssert.AreEqual(new[] { "journal" }, affected.GetProperty("purposesChanging").EnumerateArray().Select(p => p.GetString()).ToArray());
        Assert.AreEqual(JsonValueKind.String, affected.GetProperty("takenAt").ValueKind);
        Assert.AreEqual("withdraw", affected.GetProperty("changes")[0].GetProperty("change").GetString());
        Assert.HasCount(1, await nursery.Ava.Parent.ParentMediaAsync(), "the preview saved nothing: Ava's parent still sees the photo");

        long before = (await nursery.Manager.AuditAsync()).Max(e => e.GetProperty("sequence").GetInt64());
        using (var save = await nursery.Manager.SendAsync(HttpMethod.Put, $"/api/manager/consents/{nursery.Ava.ChildId}/journal", ApiClient.JsonBody(withdrawal)))
        {
            await ApiClient.ExpectAsync(save, "withdraw", HttpStatusCode.OK);
        }

        // What the save re-decided: its "decision" entries (one per affected item) after the change.
        var redecided = (await nursery.Manager.GetJsonAsync<JsonElement[]>($"/api/manager/audit?action=decision&after={before}"))
            .Select(e => e.GetProperty("subject").GetString()).Distinct().ToArray();
        CollectionAssert.AreEquivalent(new[] { avaItem }, redecided, "the save changed other items than the preview named");
        Assert.IsEmpty(await nursery.Ava.Parent.ParentMediaAsync());
        Assert.AreEqual(benItem, (await nursery.Ben.Parent.ParentMediaAsync()).Single().MediaId);

        var again = await nursery.Manager.PostJsonAsync<JsonElement>("/api/manager/consents/preview",
            new { childId = nursery.Ava.ChildId, purpose = "journal", withdrawal.granted, withdrawal.givenBy, withdrawal.evidence }, HttpStatusCode.OK);
        Assert.AreEqual(0, again.GetProperty("count").GetInt32(), "withdrawn already: nothing more would change");
    }

    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public async Task Dashboard_TwoReleasedThenOneWithdrawn_CountsUploadsReleasesAndBlocks()
    {
        var work = NewWorkFolder("console-dashboard");
        await using var service = await ServiceProcess.StartAsync(ServiceSettings.Embedded(work, "console", Models));
        using var nursery = await Nursery.CreateAsync(service.Address);
        await nursery.GrantJournalAsync(avaGroup: false, benGroup: false, caraGroup: false);
        await ReleasedAsync(nursery, TestPhotos.Solos[2], nursery.Ava.ChildId, service);
        await ReleasedAsync(nursery, TestPhotos.Solos[3], nursery.Ben.ChildId, service);

        var released = await nursery.Manager.GetJsonAsync<JsonElement>("/api/manager/dashboard?days=2");
        await nursery.Manager.SetConsentAsync(nursery.Ava.ChildId, "journal", granted: false);
        var withdrawn = await nursery.Manager.GetJsonAsync<JsonElement>("/api/manager/dashboard?days=2");

        // Summed over the two days, so that a run across midnight counts the same.
        Assert.AreEqual(2, Sum(released, "uploaded"), released.ToString());
        Assert.AreEqual(2, Sum(released, "released"));
        Assert.AreEqual(0, released.GetProperty("blockedNow").GetInt64());
        Assert.IsGreaterThanOrEqualTo(0.0, released.GetProperty("averageMinutesToRelease").GetDouble());
        Assert.AreEqual(1, Sum(withdrawn, "released"));
        Assert.AreEqual(1, Sum(withdrawn, "blocked"));
        Assert.AreEqual(1, withdrawn.GetProperty("blockedNow").GetInt64());
        Assert.AreEqual(0, withdrawn.GetProperty("heldNow").GetInt64());
        Assert.AreEqual(0, withdrawn.GetProperty("holdReasons").GetArrayLength(), "released items awaiting website approval are not held");

        // Two faces, one tagged child, nobody assigned: held for the face nobody accounted for.
        var group = await nursery.Tablet.UploadAsync([UploadFile.FromPath(TestPhotos.GroupOfTwo)], [nursery.Cara.ChildId], "two faces");
        var held = (await nursery.Tablet.WaitUntilDecidedAsync(group.ObservationId, TimeSpan.FromSeconds(90))).Single();
        Assert.AreEqual("needs-assignment", held.Status, service.LogTail());
        var withHeld = await nursery.Manager.GetJsonAsync<JsonElement>("/api/manager/dashboard?days=2");
        Assert.AreEqual(1, withHeld.GetProperty("heldNow").GetInt64());
        Assert.AreEqual(1, Sum(withHeld, "held"));
        var reasons = withHeld.GetProperty("holdReasons").EnumerateArray().ToDictionary(r => r.GetProperty("reason").GetString()!, r => r.GetProperty("count").GetInt32());
        Assert.AreEqual(1, reasons.GetValueOrDefault("FaceUnassigned"), withHeld.GetProperty("holdReasons").ToString());
        Assert.IsTrue(reasons.Values.All(count => count == 1), "one held item counts once per reason");
    }

    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public async Task Session_WhoAmIThenSignOut_TheTokenStopsWorkingTheOthersDoNot()
    {
        var work = NewWorkFolder("console-session");
        await using var service = await ServiceProcess.StartAsync(ServiceSettings.Embedded(work, "console", Models));
        using var nursery = await Nursery.CreateAsync(service.Address);

        var tablet = await nursery.Tablet.GetJsonAsync<JsonElement>("/api/session");
        var parent = await nursery.Ava.Parent.GetJsonAsync<JsonElement>("/api/session");
        using (var signOut = await nursery.Ava.Parent.SendAsync(HttpMethod.Delete, "/api/session"))
        {
            await ApiClient.ExpectAsync(signOut, "sign out", HttpStatusCode.NoContent);
        }

        Assert.AreEqual(nursery.Device.DeviceId, tablet.GetProperty("deviceId").GetString());
        Assert.AreEqual("staff", tablet.GetProperty("role").GetString());
        Assert.AreEqual(nursery.Ava.ParentUsername, parent.GetProperty("username").GetString());
        using var afterwards = await nursery.Ava.Parent.SendAsync(HttpMethod.Get, "/api/parent/media");
        Assert.AreEqual(HttpStatusCode.Unauthorized, afterwards.StatusCode);
        using var benStill = await nursery.Ben.Parent.SendAsync(HttpMethod.Get, "/api/parent/media");
        Assert.AreEqual(HttpStatusCode.OK, benStill.StatusCode);
        var signedOut = await nursery.Manager.GetJsonAsync<JsonElement[]>("/api/manager/audit?action=session.signed-out");
        Assert.AreEqual(nursery.Ava.ParentAccountId, signedOut.Single().GetProperty("actor").GetString());
    }

    private static async Task<string> ReleasedAsync(Nursery nursery, string photo, string childId, ServiceProcess service)
    {
        var upload = await nursery.Tablet.UploadAsync([UploadFile.FromPath(photo)], [childId], "console test");
        var item = (await nursery.Tablet.WaitUntilDecidedAsync(upload.ObservationId, TimeSpan.FromSeconds(90))).Single();
        Assert.AreEqual("released", item.Status, service.LogTail());
        return item.MediaId;
    }

    private static int Sum(JsonElement dashboard, string count) =>
        dashboard.GetProperty("perDay").EnumerateArray().Sum(d => d.GetProperty(count).GetInt32());
}
