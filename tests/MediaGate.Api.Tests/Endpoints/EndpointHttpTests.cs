using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MediaGate.Consent.Decisions;
using MediaGate.Testing.Renditions;

namespace MediaGate.Api.Tests.Endpoints;

/// <summary>The parent, website and manager media endpoints over real HTTP: binding, statuses, shapes, headers.</summary>
[TestClass]
public sealed class EndpointHttpTests
{
    [TestMethod]
    public async Task ParentEndpoints_OverHttp_OwnItemListedAndServedOthers404()
    {
        await using var world = await RenditionWorld.CreateAsync();
        var ava = await world.ChildAsync("Ava Smith");
        var cat = await world.ChildAsync("Cat Brown");
        var item = await world.ItemAsync(RenditionWorld.Meeting, [ava], [ava, null, null]);
        await world.Renditions.RefreshItemAsync(item.Id);
        await using var host = await TestHost.StartAsync(new() { World = world, Families = new FamilyChildren().Parent("mum-of-ava", ava).Parent("dad-of-cat", cat) });

        using var list = await host.Client.SendAsync(TestHost.As("mum-of-ava", "parent", HttpMethod.Get, "/api/parent/media"));
        using var image = await host.Client.SendAsync(TestHost.As("mum-of-ava", "parent", HttpMethod.Get, $"/api/parent/media/{item.Id}/image"));
        using var other = await host.Client.SendAsync(TestHost.As("dad-of-cat", "parent", HttpMethod.Get, $"/api/parent/media/{item.Id}/image"));
        using var anonymous = await host.Client.GetAsync(new Uri($"/api/parent/media/{item.Id}/image", UriKind.Relative));

        Assert.AreEqual(HttpStatusCode.OK, list.StatusCode);
        using var json = JsonDocument.Parse(await list.Content.ReadAsStringAsync());
        var entry = json.RootElement.EnumerateArray().Single();
        Assert.AreEqual(item.Id, entry.GetProperty("mediaId").GetString());
        Assert.AreEqual(ava.Value, entry.GetProperty("childId").GetString());
        Assert.IsTrue(entry.TryGetProperty("takenAt", out _));
        Assert.AreEqual("Group time", entry.GetProperty("note").GetString());

        Assert.AreEqual(HttpStatusCode.OK, image.StatusCode);
        Assert.AreEqual("image/jpeg", image.Content.Headers.ContentType?.MediaType);
        Assert.IsTrue(image.Headers.CacheControl is { Private: true, NoStore: true }, image.Headers.CacheControl?.ToString());
        Assert.IsTrue(list.Headers.CacheControl is { Private: true, NoStore: true }, list.Headers.CacheControl?.ToString());

        Assert.AreEqual(HttpStatusCode.NotFound, other.StatusCode);
        Assert.AreEqual("application/problem+json", other.Content.Headers.ContentType?.MediaType);
        Assert.AreEqual(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [TestMethod]
    public async Task ManagerEventEndpoints_OverHttp_CreatedListedAndInvalidIsAValidationProblem()
    {
        await using var world = await RenditionWorld.CreateAsync();
        var ava = await world.ChildAsync("Ava Smith");
        await using var host = await TestHost.StartAsync(new() { World = world, Families = new FamilyChildren() });

        using var created = await host.Client.SendAsync(TestHost.As("boss", "manager", HttpMethod.Post, "/api/manager/events",
            JsonContent.Create(new { name = "Summer fair", date = "2026-06-20", attendees = new[] { ava.Value } })));
        using var invalid = await host.Client.SendAsync(TestHost.As("boss", "manager", HttpMethod.Post, "/api/manager/events",
            JsonContent.Create(new { name = "Fair", date = "June", attendees = new[] { ava.Value } })));
        using var list = await host.Client.SendAsync(TestHost.As("boss", "manager", HttpMethod.Get, "/api/manager/events"));
        using var asParent = await host.Client.SendAsync(TestHost.As("mum", "parent", HttpMethod.Get, "/api/manager/events"));

        Assert.AreEqual(HttpStatusCode.Created, created.StatusCode, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        Assert.AreEqual(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.AreEqual("application/problem+json", invalid.Content.Headers.ContentType?.MediaType);
        StringAssert.Contains(await invalid.Content.ReadAsStringAsync(), "date");
        var listed = (await list.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Single();
        Assert.AreEqual((id, "Summer fair", "2026-06-20", ava.Value),
            (listed.GetProperty("id").GetString(), listed.GetProperty("name").GetString(), listed.GetProperty("date").GetString(), listed.GetProperty("attendees")[0].GetString()));
        Assert.AreEqual(HttpStatusCode.Forbidden, asParent.StatusCode);
    }

    [TestMethod]
    public async Task ManagerPublicity_OverHttp_404UntilApprovedThenTheNoStoreJpeg()
    {
        await using var world = await RenditionWorld.CreateAsync();
        var ava = await world.ChildAsync("Ava Smith");
        await world.Database.Consents.AppendAsync(new Consent.Matrix.ConsentRecord(ava, Consent.Matrix.Purpose.Publicity, true, false, "Mother", "FORM-P",
            DateOnly.FromDateTime(world.Time.GetUtcNow().UtcDateTime).AddDays(-1), null, null, world.Time.GetUtcNow()));
        var item = await world.ItemAsync(RenditionWorld.Meeting, [ava], [ava, null, null]);
        await using var host = await TestHost.StartAsync(new() { World = world, Families = new FamilyChildren() });
        var path = $"/api/manager/media/{item.Id}/publicity";

        using var before = await host.Client.SendAsync(TestHost.As("boss", "manager", HttpMethod.Get, path));
        using var approve = await host.Client.SendAsync(TestHost.As("boss", "manager", HttpMethod.Post, $"/api/manager/media/{item.Id}/decision",
            JsonContent.Create(new { purpose = "publicity", action = "approve" })));
        using var after = await host.Client.SendAsync(TestHost.As("boss", "manager", HttpMethod.Get, path));

        Assert.AreEqual(HttpStatusCode.NotFound, before.StatusCode, "nothing to post before approval");
        Assert.AreEqual(HttpStatusCode.OK, approve.StatusCode, await approve.Content.ReadAsStringAsync());
        Assert.AreEqual(HttpStatusCode.OK, after.StatusCode, await after.Content.ReadAsStringAsync());
        Assert.AreEqual("image/jpeg", after.Content.Headers.ContentType?.MediaType);
        Assert.IsTrue(after.Headers.CacheControl is { Private: true, NoStore: true }, after.Headers.CacheControl?.ToString());
        Assert.IsTrue((await world.Database.Audit.ReadAsync()).Any(e => e is { Action: "export-publicity", Actor: "boss" } && e.Subject == item.Id));
    }

    [TestMethod]
    public async Task WebsiteEndpoints_OverHttp_FeedUrlServesTheJpegAndOtherRolesAreRefused()
    {
        await using var world = await RenditionWorld.CreateAsync();
        var ava = await world.ChildAsync("Ava Smith", website: true);
        var item = await world.ItemAsync(RenditionWorld.Meeting, [ava], [ava, null, null]);
        await using var host = await TestHost.StartAsync(new() { World = world, Families = new FamilyChildren().Parent("mum-of-ava", ava) });
        using var approve = await host.Client.SendAsync(TestHost.As("boss", "manager", HttpMethod.Post, $"/api/manager/media/{item.Id}/decision",
            JsonContent.Create(new { purpose = "website", action = "approve" })));
        Assert.AreEqual(HttpStatusCode.OK, approve.StatusCode, await approve.Content.ReadAsStringAsync());

        using var feed = await host.Client.SendAsync(TestHost.As("site", "website", HttpMethod.Get, "/api/website/photos"));
        var text = await feed.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(text);
        var photo = json.RootElement.EnumerateArray().Single();
        using var file = await host.Client.SendAsync(TestHost.As("site", "website", HttpMethod.Get, photo.GetProperty("url").GetString()!));
        using var asParent = await host.Client.SendAsync(TestHost.As("mum-of-ava", "parent", HttpMethod.Get, "/api/website/photos"));

        Assert.AreEqual(HttpStatusCode.OK, file.StatusCode);
        Assert.AreEqual("image/jpeg", file.Content.Headers.ContentType?.MediaType);
        Assert.IsGreaterThan(0, photo.GetProperty("width").GetInt32());
        foreach (var forbidden in new[] { "Ava", "Smith", ava.Value, item.Id })
        {
            Assert.DoesNotContain(forbidden, text, StringComparison.OrdinalIgnoreCase);
        }

        Assert.AreEqual(HttpStatusCode.Forbidden, asParent.StatusCode);
    }

    [TestMethod]
    public async Task ManagerReviewEndpoints_OverHttp_ReviewDecisionAndMaster()
    {
        await using var world = await RenditionWorld.CreateAsync(new DecisionOptions(JournalMaskPolicy.Hold));
        var ava = await world.ChildAsync("Ava Smith");
        var item = await world.ItemAsync(RenditionWorld.Meeting, [ava], [ava, null, null]);
        await using var host = await TestHost.StartAsync(new() { World = world, Families = new FamilyChildren() });

        using var review = await host.Client.SendAsync(TestHost.As("boss", "manager", HttpMethod.Get, "/api/manager/review?limit=10"));
        using var bad = await host.Client.SendAsync(TestHost.As("boss", "manager", HttpMethod.Post, $"/api/manager/media/{item.Id}/decision",
            JsonContent.Create(new { purpose = "journal", action = "publish" })));
        using var decided = await host.Client.SendAsync(TestHost.As("boss", "manager", HttpMethod.Post, $"/api/manager/media/{item.Id}/decision",
            JsonContent.Create(new { purpose = "journal", action = "mask", assignments = Array.Empty<object>() })));
        using var master = await host.Client.SendAsync(TestHost.As("boss", "manager", HttpMethod.Get, $"/api/manager/media/{item.Id}/master"));
        using var asParent = await host.Client.SendAsync(TestHost.As("mum", "parent", HttpMethod.Get, $"/api/manager/media/{item.Id}/master"));

        using var queue = JsonDocument.Parse(await review.Content.ReadAsStringAsync());
        var held = queue.RootElement.EnumerateArray().Single();
        Assert.AreEqual("held", held.GetProperty("status").GetString());
        Assert.AreEqual(3, held.GetProperty("faces").GetArrayLength());
        Assert.IsTrue(held.GetProperty("decisions")[0].GetProperty("reasons").GetArrayLength() > 0);
        Assert.AreEqual(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.AreEqual("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        using var after = JsonDocument.Parse(await decided.Content.ReadAsStringAsync());
        Assert.AreEqual("released", after.RootElement.GetProperty("status").GetString());
        Assert.AreEqual(HttpStatusCode.OK, master.StatusCode);
        Assert.AreEqual("image/jpeg", master.Content.Headers.ContentType?.MediaType);
        Assert.AreEqual(HttpStatusCode.Forbidden, asParent.StatusCode);
    }

    [TestMethod]
    public async Task ManagerReviewViews_OverHttp_SummaryFaintPublishableAndSpotChecks()
    {
        await using var world = await RenditionWorld.CreateAsync();
        var ava = await world.ChildAsync("Ava Smith");
        var held = await world.ItemAsync(RenditionWorld.Meeting, [ava], [ava, null, null], othersUnassigned: true, faint: [3]);
        var released = await world.ItemAsync(RenditionWorld.Meeting, [ava], [ava, null, null]);
        var face = (await world.Database.Media.FacesAsync(released.Id))[0];
        await using var host = await TestHost.StartAsync(new() { World = world, Families = new FamilyChildren() });

        using var queue = await host.Client.SendAsync(TestHost.As("boss", "manager", HttpMethod.Get, "/api/manager/review"));
        using var publishable = await host.Client.SendAsync(TestHost.As("boss", "manager", HttpMethod.Get, "/api/manager/review?view=publishable&limit=5"));
        using var badView = await host.Client.SendAsync(TestHost.As("boss", "manager", HttpMethod.Get, "/api/manager/review?view=everything"));
        using var dismissals = await host.Client.SendAsync(TestHost.As("boss", "manager", HttpMethod.Get, "/api/manager/dismissals?limit=5"));
        using var crop = await host.Client.SendAsync(TestHost.As("boss", "manager", HttpMethod.Get, $"/api/manager/media/{released.Id}/faces/{face.FaceId}/crop"));
        using var noFace = await host.Client.SendAsync(TestHost.As("boss", "manager", HttpMethod.Get, $"/api/manager/media/{released.Id}/faces/{Guid.NewGuid():N}/crop"));
        using var badId = await host.Client.SendAsync(TestHost.As("boss", "manager", HttpMethod.Get, $"/api/manager/media/{released.Id}/faces/f1/crop"));
        using var asParent = await host.Client.SendAsync(TestHost.As("mum", "parent", HttpMethod.Get, $"/api/manager/media/{released.Id}/faces/{face.FaceId}/crop"));

        using var queueJson = JsonDocument.Parse(await queue.Content.ReadAsStringAsync());
        var entry = queueJson.RootElement.EnumerateArray().Single();
        Assert.AreEqual(held.Id, entry.GetProperty("mediaId").GetString());
        StringAssert.StartsWith(entry.GetProperty("summary").GetString(), "Held for the journals: face 2 needs a name");
        CollectionAssert.AreEqual(new[] { false, false, true }, entry.GetProperty("faces").EnumerateArray().Select(f => f.GetProperty("faint").GetBoolean()).ToArray());
        using var publishableJson = JsonDocument.Parse(await publishable.Content.ReadAsStringAsync());
        var offered = publishableJson.RootElement.EnumerateArray().Single();
        Assert.AreEqual(released.Id, offered.GetProperty("mediaId").GetString());
        Assert.AreEqual("Released to Ava Smith's family's journal. Website and publicity: not approved.", offered.GetProperty("summary").GetString());
        Assert.AreEqual(HttpStatusCode.BadRequest, badView.StatusCode);
        Assert.AreEqual(HttpStatusCode.OK, dismissals.StatusCode);
        using var dismissalsJson = JsonDocument.Parse(await dismissals.Content.ReadAsStringAsync());
        Assert.AreEqual(JsonValueKind.Array, dismissalsJson.RootElement.ValueKind);
        Assert.AreEqual(HttpStatusCode.OK, crop.StatusCode);
        Assert.AreEqual("image/jpeg", crop.Content.Headers.ContentType?.MediaType);
        Assert.IsTrue(crop.Headers.CacheControl is { Private: true, NoStore: true }, crop.Headers.CacheControl?.ToString());
        Assert.AreEqual(HttpStatusCode.NotFound, noFace.StatusCode);
        Assert.AreEqual(HttpStatusCode.NotFound, badId.StatusCode);
        Assert.AreEqual(HttpStatusCode.Forbidden, asParent.StatusCode);
    }
}
