using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MediaGate.Browser.Tests.Manager;

/// <summary>
/// Issue 13, a newcomer's day on the pages: a manager adds children and rooms, records an event and corrects its
/// attendees, makes a website key and changes a parent's children, through the console alone. Each effect is checked
/// through the API.
/// </summary>
[TestClass]
public sealed class ManagerFirstDayTests : BrowserTest
{
    [TestMethod]
    public async Task ChildrenAndEventsPages_AddChildrenRoomLeavingAndEvent_StoredAsEnteredAndLeftChildNotOffered()
    {
        var service = await StartServiceAsync();
        using var manager = await ApiClient.SignInAsync(service.Address, ServiceSettings.ManagerUsername, ServiceSettings.ManagerPassword);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var room = "Robins " + tag;
        var page = await NewPageAsync(service);
        await ManagerConsole.SignInAsync(page, "children.html");
        await CheckAsync(page, "children page, none yet");

        foreach (var name in new[] { $"Ava Zq{tag}", $"Ben Zq{tag}", $"Cleo Zq{tag}" })
        {
            await page.Page.GetByLabel("Full name").FillAsync(name);
            await page.Page.GetByLabel("Room", new() { Exact = true }).FillAsync(room);
            await page.Page.GetByRole(AriaRole.Button, new() { Name = "Add child" }).ClickAsync();
            await Assertions.Expect(page.Page.Locator("tr", new() { HasText = name })).ToHaveCountAsync(1);
        }

        var children = await manager.GetJsonAsync<JsonElement>("/api/manager/children");
        var byName = children.EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c);
        Assert.AreEqual(room, byName[$"Ben Zq{tag}"].GetProperty("room").GetString(), "the child is in the room typed");
        await Assertions.Expect(page.Page.GetByRole(AriaRole.Heading, new() { Name = $"{room} (3 children)" })).ToBeVisibleAsync();

        var ben = page.Page.Locator("tr", new() { HasText = $"Ben Zq{tag}" });
        await ben.GetByRole(AriaRole.Button, new() { Name = $"Record leaving of Ben Zq{tag}" }).ClickAsync();
        await ben.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Page.Locator("tr", new() { HasText = $"Ben Zq{tag}" })).ToContainTextAsync("Left on");
        await CheckAsync(page, "children in a room, one who left", screenshot: "manager-children");
        var benId = byName[$"Ben Zq{tag}"].GetProperty("id").GetString()!;
        var benNow = await manager.GetJsonAsync<JsonElement>($"/api/manager/children/{benId}");
        Assert.AreEqual(JsonValueKind.String, benNow.GetProperty("leftOn").ValueKind, "the leaving day is stored");

        await ManagerConsole.OpenAsync(page, "events.html");
        await Assertions.Expect(page.Page.GetByLabel($"Ben Zq{tag} ({room})")).ToHaveCountAsync(0);
        await page.Page.GetByLabel("Event name (e.g. Summer fair)").FillAsync("Fair " + tag);
        await page.Page.GetByLabel($"Ava Zq{tag} ({room})").CheckAsync();
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Record event" }).ClickAsync();
        var row = page.Page.Locator("tr", new() { HasText = "Fair " + tag });
        await Assertions.Expect(row).ToContainTextAsync($"Ava Zq{tag}");

        await row.GetByRole(AriaRole.Button, new() { Name = $"Change attendees of Fair {tag}" }).ClickAsync();
        await row.GetByLabel($"Cleo Zq{tag} ({room})").CheckAsync();
        await CheckAsync(page, "changing an event's attendees");
        await row.GetByRole(AriaRole.Button, new() { Name = "Save attendees" }).ClickAsync();
        await Assertions.Expect(page.Page.Locator("#events-status")).ToHaveTextAsync($"The attendees of Fair {tag} were saved.");
        await CheckAsync(page, "an event with attendees", screenshot: "manager-events");

        var fair = (await manager.EventsAsync()).Single();
        CollectionAssert.AreEquivalent(
            new[] { byName[$"Ava Zq{tag}"].GetProperty("id").GetString(), byName[$"Cleo Zq{tag}"].GetProperty("id").GetString() },
            fair.Attendees.ToArray(),
            "the attendees ticked on the page");
        using var withBen = await manager.SendAsync(HttpMethod.Put, $"/api/manager/events/{fair.Id}/attendees", JsonContent.Create(new { attendees = new[] { benId } }));
        Assert.AreEqual(HttpStatusCode.BadRequest, withBen.StatusCode, "a child who has left is refused by the service too");
    }

    [TestMethod]
    public async Task WebsiteKeysPage_CreateThenRevoke_KeyShownOnceFeedsTheWebsiteThenRefused()
    {
        var service = await StartServiceAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var page = await NewPageAsync(service, Screens.Phone);
        await ManagerConsole.SignInAsync(page, "website-keys.html");
        await CheckAsync(page, "website keys, none yet");

        await page.Page.GetByLabel("Key name (e.g. main-site)").FillAsync("site-" + tag);
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync();
        var key = await page.Page.GetByLabel("Website key", new() { Exact = true }).InputValueAsync();
        await Assertions.Expect(page.Page.Locator($"tr[data-key='site-{tag}']")).ToContainTextAsync("In use");
        await CheckAsync(page, "website key shown once", screenshot: "manager-website-keys");
        using (var website = ApiClient.Website(service.Address, key))
        {
            Assert.IsNotNull(await website.WebsitePhotosAsync(), "the key the page showed reads the feed");
        }

        await page.Page.ReloadAsync(new PageReloadOptions { WaitUntil = WaitUntilState.NetworkIdle });
        await Assertions.Expect(page.Page.GetByLabel("Website key", new() { Exact = true })).ToHaveCountAsync(0);
        Assert.DoesNotContain(key, await page.Page.ContentAsync(), "the key is never shown again");

        await page.Page.Locator($"tr[data-key='site-{tag}']").GetByRole(AriaRole.Button, new() { Name = $"Revoke site-{tag}" }).ClickAsync();
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Yes, revoke" }).ClickAsync();
        await Assertions.Expect(page.Page.Locator($"tr[data-key='site-{tag}']")).ToContainTextAsync("Revoked");
        await CheckAsync(page, "website key revoked");
        using var revoked = ApiClient.Website(service.Address, key);
        var refused = await Assert.ThrowsExactlyAsync<ApiException>(() => revoked.WebsitePhotosAsync());
        Assert.AreEqual(HttpStatusCode.Unauthorized, refused.Status, "a revoked key is refused");
    }

    [TestMethod]
    public async Task AccountsPage_ChangeParentsChildren_ParentLinkedToTheTickedChildren()
    {
        var service = await StartServiceAsync();
        using var manager = await ApiClient.SignInAsync(service.Address, ServiceSettings.ManagerUsername, ServiceSettings.ManagerPassword);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var ava = await manager.CreateChildAsync($"Ava Zq{tag}", "Robins");
        var ben = await manager.CreateChildAsync($"Ben Zq{tag}", "Robins");
        var username = "parent-" + tag;
        var parentId = await manager.CreateParentAsync(username, $"Parent-Passphrase-{tag}", ava);
        var page = await NewPageAsync(service);
        await ManagerConsole.SignInAsync(page, "accounts.html");

        var row = page.Page.Locator($"tr[data-account='{parentId}']");
        await row.GetByRole(AriaRole.Button, new() { Name = $"Change children of {username}" }).ClickAsync();
        await row.GetByLabel($"Ava Zq{tag}").UncheckAsync();
        await row.GetByLabel($"Ben Zq{tag}").CheckAsync();
        await CheckAsync(page, "changing a parent's children");
        await row.GetByRole(AriaRole.Button, new() { Name = "Save children" }).ClickAsync();
        await Assertions.Expect(page.Page.Locator("#accounts-status")).ToHaveTextAsync($"{username} may now see Ben Zq{tag}.");

        var accounts = await manager.GetJsonAsync<JsonElement>("/api/manager/accounts");
        var parent = accounts.EnumerateArray().Single(a => a.GetProperty("id").GetString() == parentId);
        CollectionAssert.AreEqual(new[] { ben }, parent.GetProperty("children").EnumerateArray().Select(c => c.GetString()).ToArray(), "the children ticked, and only them");
    }
}
