using System.Globalization;
using System.Text.Json;

namespace MediaGate.Browser.Tests.Tablet;

/// <summary>
/// A tablet reopened without Wi-Fi (found in a walk-through: it could tag nobody, lost today's event and listed its
/// queue as "Tagged: a child, a child"): the room list and today's events it last loaded are kept for the staff member
/// signed in, encrypted with a key that lives in the session, and forgotten on sign-out.
/// </summary>
[TestClass]
public sealed class TabletOfflineStartTests : BrowserTest
{
    [TestMethod]
    public async Task OfflineReload_RoomListAndTodaysEventKept_ChildTaggedAndUploadedWhenBackOnline()
    {
        var service = await StartServiceAsync();
        using var nursery = await Nursery.CreateAsync(service.Address);
        var today = TimeProvider.System.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var picnic = "Picnic " + nursery.Tag;
        await nursery.Manager.CreateEventAsync(picnic, today, nursery.Ava.ChildId, nursery.Cara.ChildId);
        var tablet = new TabletPage(await NewPageAsync(service));
        await tablet.StartAsync(nursery);
        await tablet.Page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null");
        Assert.AreEqual(2, await tablet.CountInDatabaseAsync("kept"), "the room list and today's events are kept");
        var stored = await tablet.Page.EvaluateAsync<string>("""
            () => new Promise((resolve) => {
              const open = indexedDB.open('mediagate-tablet');
              open.onsuccess = () => {
                const all = open.result.transaction('kept').objectStore('kept').getAll();
                all.onsuccess = () => resolve(all.result.map(v => JSON.stringify(v) + (v.data ? new TextDecoder().decode(v.data) : '')).join('\n'));
              };
            })
            """);
        Assert.DoesNotContain(nursery.Cara.ChildName, stored, "the names are not kept in clear");

        tablet.Browser.Probe.ExpectConsoleError("net::ERR_INTERNET_DISCONNECTED");
        await tablet.Browser.Context.SetOfflineAsync(true);
        await tablet.Page.ReloadAsync();

        await tablet.WaitUntilSignedInAsync();
        await Assertions.Expect(tablet.Page.Locator("#children-empty")).ToContainTextAsync("as this tablet last loaded it");
        await Assertions.Expect(tablet.Page.GetByLabel("Event")).ToBeVisibleAsync();
        await tablet.Page.GetByLabel("Event").SelectOptionAsync(new SelectOptionValue { Label = picnic });
        await Assertions.Expect(tablet.Page.Locator("#children-list input")).ToHaveCountAsync(2);
        await tablet.ChoosePhotosAsync(TestPhotos.Solos[1]);
        await tablet.TagAsync($"{nursery.Cara.ChildName} (Wrens)");
        await tablet.UploadAsync();
        await Assertions.Expect(tablet.QueueStatus).ToHaveTextAsync("1 upload waiting on this tablet.");
        await Assertions.Expect(tablet.Page.Locator("#queue-list")).ToContainTextAsync($"Tagged: {nursery.Cara.ChildName}");
        await CheckAsync(tablet.Browser, "tablet: reopened offline, a child tagged from the kept room list");

        await tablet.Browser.Context.SetOfflineAsync(false);
        await tablet.WaitUntilQueueEmptyAsync();
        var observation = (await nursery.Tablet.GetJsonAsync<JsonElement>("/api/tablet/observations?limit=20")).EnumerateArray().Single();
        CollectionAssert.AreEqual(new[] { nursery.Cara.ChildId }, observation.GetProperty("children").EnumerateArray().Select(c => c.GetString()).ToArray());

        await tablet.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(tablet.Page.GetByRole(AriaRole.Heading, new() { Name = "Staff sign-in" })).ToBeVisibleAsync();
        Assert.AreEqual(0, await tablet.CountInDatabaseAsync("kept"), "signing out forgets the room list and the events");
        Assert.IsNull(await tablet.Page.EvaluateAsync<string?>("() => sessionStorage.getItem('mediagate.tablet.lists-key')"));
    }
}
