namespace MediaGate.Browser.Tests.Tablet;

/// <summary>
/// The kept lists (kept-lists.js) are forgotten on sign-out. Attacked 2026-12-08 with a slow network: staff sign in and
/// sign out again while the room list is still on its way; the answer arrives after the sign-out (the request went with
/// the token before it was revoked), and loadChildren keeps it, making a new key in sessionStorage for it. The tablet
/// then shows the sign-in form with the room list kept (and readable with the session's key) for nobody.
/// </summary>
[TestClass]
public sealed class TabletKeptListsSignOutTests : BrowserTest
{
    [TestMethod]
    public async Task SignOut_WhileTheRoomListIsStillLoading_NothingKeptAfterwards()
    {
        var service = await StartServiceAsync();
        using var nursery = await Nursery.CreateAsync(service.Address);
        var tablet = new TabletPage(await NewPageAsync(service));
        await tablet.OpenAsync();
        await tablet.EnrolAsync(nursery.Device);

        // A slow Wi-Fi: the room list answers two seconds late.
        await tablet.Page.RouteAsync("**/api/tablet/children", async route =>
        {
            var response = await route.FetchAsync();
            await Task.Delay(2000);
            await route.FulfillAsync(new RouteFulfillOptions { Response = response });
        });
        await tablet.SignInAsync(nursery.StaffUsername, nursery.StaffPin);
        await tablet.Page.GetByRole(AriaRole.Heading, new() { Name = "New photos" }).WaitForAsync();
        await tablet.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(tablet.Page.GetByRole(AriaRole.Heading, new() { Name = "Staff sign-in" })).ToBeVisibleAsync();

        await Task.Delay(4000);

        Assert.AreEqual(0, await tablet.CountInDatabaseAsync("kept"), "nobody is signed in: nothing is kept");
        Assert.IsNull(await tablet.Page.EvaluateAsync<string?>("() => sessionStorage.getItem('mediagate.tablet.lists-key')"), "nobody is signed in: no key");
    }
}
