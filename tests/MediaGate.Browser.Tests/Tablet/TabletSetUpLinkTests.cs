using System.Text.RegularExpressions;
using MediaGate.Browser.Tests.Manager;

namespace MediaGate.Browser.Tests.Tablet;

/// <summary>
/// Setting up a tablet without typing two long codes: the Devices page shows the new tablet's set-up link
/// (<c>/tablet/#device=…&amp;secret=…</c>, the pair in the fragment, which is never sent to the server) as a QR code and
/// as text; the tablet page opened on it enrols from the fragment through the same check as the form, takes the
/// fragment off the address before asking the service, refuses a wrong link as the form does, says which device it
/// became, and asks before a link replaces the device of a tablet already set up.
/// </summary>
[TestClass]
public sealed partial class TabletSetUpLinkTests : BrowserTest
{
    [TestMethod]
    public async Task DevicesPage_Register_ShowsAQrCodeOfTheSetUpLinkThatSetsUpATablet()
    {
        var service = await StartServiceAsync();
        var page = await NewPageAsync(service);
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await ManagerConsole.SignInAsync(page, "devices.html");
        await page.Page.GetByLabel("Tablet name (e.g. Robins room)").FillAsync("Wrens room");
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Register", Exact = true }).ClickAsync();
        var deviceId = await page.Page.GetByLabel("Device id").InputValueAsync();
        var secret = await page.Page.GetByLabel("Device secret").InputValueAsync();
        var expected = $"{service.Address.GetLeftPart(UriPartial.Authority)}/tablet/#device={deviceId}&secret={secret}";

        // The code, read from the screen as a camera would, is the link, and so is the text beside it.
        var code = page.Page.GetByRole(AriaRole.Img, new() { Name = "QR code of the set-up link for Wrens room" });
        var reading = await QrCodes.ReadAsync(code) ?? throw new AssertFailedException("no QR code can be read on the devices page");
        Assert.AreEqual(expected, reading.Text, "the QR code is the tablet's set-up link, the pair in its fragment");
        Assert.IsGreaterThanOrEqualTo(200, Math.Min(reading.Width, reading.Height), "large enough to scan from a screen");
        Assert.IsGreaterThanOrEqualTo(3.5, reading.QuietZoneModules, "a quiet zone of 4 modules around the code");
        await Assertions.Expect(page.Page.GetByLabel("Set-up link (to open on the tablet)")).ToHaveValueAsync(expected);
        await Assertions.Expect(page.Page.GetByText("Open the camera on the room's tablet and point it at this code")).ToBeVisibleAsync();
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Copy the link" }).ClickAsync();
        await Assertions.Expect(page.Page.GetByRole(AriaRole.Status).GetByText("Copied.")).ToBeVisibleAsync();
        Assert.AreEqual(expected, await page.Page.EvaluateAsync<string>("() => navigator.clipboard.readText()"), "the copy button copies the link");
        await CheckAsync(page, "device registered: the set-up QR code and link");

        // The link read from the code sets a fresh tablet up.
        var tablet = new TabletPage(await NewPageAsync(service));
        await tablet.Page.GotoAsync(reading.Text);
        await tablet.Page.GetByRole(AriaRole.Heading, new() { Name = "Staff sign-in" }).WaitForAsync();
        Assert.AreEqual(deviceId, await StoredDeviceIdAsync(tablet.Page), "the tablet keeps the device the code named");
    }

    [TestMethod]
    public async Task TabletPage_OpenedOnTheSetUpLink_EnrolsSaysWhichDeviceAndTheFragmentIsGoneBeforeTheServiceIsAsked()
    {
        var service = await StartServiceAsync();
        var (device, name) = await RegisterDeviceAsync(service);
        var tablet = new TabletPage(await NewPageAsync(service));
        var addressWhenAsked = await AddressWhenEnrolmentIsAskedAsync(tablet.Page);

        await tablet.Page.GotoAsync(SetUpLink(service, device.DeviceId, device.DeviceSecret));

        await tablet.Page.GetByRole(AriaRole.Heading, new() { Name = "Staff sign-in" }).WaitForAsync();
        Assert.AreEqual(device.DeviceId, await StoredDeviceIdAsync(tablet.Page), "enrolled from the link");
        // It used to enrol silently: the page says which registered device this tablet now is, by the manager's name for it.
        await Assertions.Expect(tablet.Page.GetByRole(AriaRole.Status).GetByText($"This tablet is now set up as {name}.")).ToBeVisibleAsync();
        await Assertions.Expect(tablet.Page.Locator("#this-device")).ToHaveTextAsync($"This tablet: {name}.");
        Assert.AreEqual($"{service.Address.GetLeftPart(UriPartial.Authority)}/tablet/", await tablet.Page.EvaluateAsync<string>("() => location.href"), "the secret is not left in the address");
        Assert.AreEqual($"{service.Address.GetLeftPart(UriPartial.Authority)}/tablet/", await addressWhenAsked.Task, "the fragment goes before the service is asked");
        await Assertions.Expect(tablet.Page.GetByLabel("Your username")).ToBeFocusedAsync();
        await CheckAsync(tablet.Browser, "tablet: set up from the link, staff sign-in");
    }

    [TestMethod]
    public async Task TabletPage_SetUpLinkWithAWrongSecret_ShowsTheFormsErrorAndKeepsNothing()
    {
        var service = await StartServiceAsync();
        var (device, _) = await RegisterDeviceAsync(service);
        var tablet = new TabletPage(await NewPageAsync(service));
        tablet.Browser.Probe.ExpectConsoleError("status of 401");
        var addressWhenAsked = await AddressWhenEnrolmentIsAskedAsync(tablet.Page);

        await tablet.Page.GotoAsync(SetUpLink(service, device.DeviceId, device.DeviceSecret + "x"));

        var alert = tablet.Page.Locator("#enrol-error");
        await Assertions.Expect(alert).ToContainTextAsync("device id or secret is wrong");
        Assert.AreEqual("null", await tablet.Page.EvaluateAsync<string>("() => String(localStorage.getItem('mediagate.tablet.device'))"), "a refused link keeps nothing");
        Assert.IsFalse(await tablet.Page.GetByRole(AriaRole.Heading, new() { Name = "Staff sign-in" }).IsVisibleAsync(), "no staff sign-in on an unchecked device");
        Assert.DoesNotContain("#", await tablet.Page.EvaluateAsync<string>("() => location.href"), "a refused secret is not left in the address either");
        Assert.DoesNotContain("#", await addressWhenAsked.Task);
        await CheckAsync(tablet.Browser, "tablet: a wrong set-up link");

        // The form is still there as the fallback.
        await tablet.EnrolAsync(device);
    }

    [TestMethod]
    public async Task TabletPage_SetUpLinkIncomplete_RefusedWithoutAskingTheService()
    {
        var service = await StartServiceAsync();
        var (device, _) = await RegisterDeviceAsync(service);
        var tablet = new TabletPage(await NewPageAsync(service));
        var asked = await AddressWhenEnrolmentIsAskedAsync(tablet.Page);

        await tablet.Page.GotoAsync($"{service.Address.GetLeftPart(UriPartial.Authority)}/tablet/#device={device.DeviceId}&secret=");

        await Assertions.Expect(tablet.Page.Locator("#enrol-error")).ToContainTextAsync("set-up link is incomplete");
        Assert.IsFalse(asked.Task.IsCompleted, "nothing is sent for a damaged link");
        Assert.AreEqual("null", await tablet.Page.EvaluateAsync<string>("() => String(localStorage.getItem('mediagate.tablet.device'))"));
        Assert.DoesNotContain("#", await tablet.Page.EvaluateAsync<string>("() => location.href"));
    }

    /// <summary>
    /// A tablet already set up refused another device's link with a message, and a tablet set up from a stray link (an
    /// e-mail opened on it) did not say which device it became. Now a working tablet, staff signed in, asks: the link's
    /// device is checked first (a wrong link asks nothing), then "Keep" changes nothing and "Set up as" replaces the
    /// device, signing the staff member out (their token was the old device's), and says which device it is now.
    /// </summary>
    [TestMethod]
    public async Task TabletPage_AlreadySetUpAsAnother_AsksBeforeALinkReplacesItsDeviceAndSaysWhichItBecame()
    {
        var service = await StartServiceAsync();
        using var nursery = await Nursery.CreateAsync(service.Address);
        var first = $"Robins tablet {nursery.Tag}";
        var (second, secondName) = await RegisterDeviceAsync(service);
        var tablet = new TabletPage(await NewPageAsync(service));
        tablet.Browser.Probe.ExpectConsoleError("status of 401");
        await tablet.StartAsync(nursery);
        var question = tablet.Page.GetByRole(AriaRole.Region, new() { Name = "Set this tablet up as another device?" });
        var keep = question.GetByRole(AriaRole.Button, new() { Name = $"Keep {first}" });
        var replace = question.GetByRole(AriaRole.Button, new() { Name = $"Set up as {secondName}" });
        // Opened while the page is open: only the fragment changes (no new document).
        Task OpenAsync(string secret) => tablet.Page.EvaluateAsync("link => { location.href = link; }", SetUpLink(service, second.DeviceId, secret));

        await OpenAsync(second.DeviceSecret + "x");
        await Assertions.Expect(tablet.Page.Locator("#page-error")).ToContainTextAsync("The set-up link was not accepted. The device id or secret is wrong");
        await Assertions.Expect(tablet.Page.Locator("#page-error")).ToContainTextAsync($"This tablet is still set up as {first}.");
        await Assertions.Expect(question).ToBeHiddenAsync();

        await OpenAsync(second.DeviceSecret);
        await Assertions.Expect(question).ToBeVisibleAsync();
        await Assertions.Expect(question).ToContainTextAsync(
            $"This tablet is set up as {first}. The set-up link you opened would make it {secondName} instead, and sign {nursery.StaffUsername} out.");
        await Assertions.Expect(tablet.Page.GetByRole(AriaRole.Heading, new() { Name = "Set this tablet up as another device?" })).ToBeFocusedAsync();
        Assert.AreEqual(nursery.Device.DeviceId, await StoredDeviceIdAsync(tablet.Page), "nothing is replaced before staff answer");
        Assert.DoesNotContain("#", await tablet.Page.EvaluateAsync<string>("() => location.href"));
        await CheckAsync(tablet.Browser, "tablet: another device's set-up link on a set-up tablet asks first");

        await keep.ClickAsync();
        await Assertions.Expect(question).ToBeHiddenAsync();
        await Assertions.Expect(tablet.Page.Locator("#device-status")).ToHaveTextAsync($"This tablet is still set up as {first}.");
        Assert.AreEqual(nursery.Device.DeviceId, await StoredDeviceIdAsync(tablet.Page), "kept");
        await Assertions.Expect(tablet.Page.GetByRole(AriaRole.Heading, new() { Name = "New photos" })).ToBeVisibleAsync();

        await OpenAsync(second.DeviceSecret);
        await replace.ClickAsync();
        await tablet.Page.GetByRole(AriaRole.Heading, new() { Name = "Staff sign-in" }).WaitForAsync();
        Assert.AreEqual(second.DeviceId, await StoredDeviceIdAsync(tablet.Page), "replaced once staff said so");
        await Assertions.Expect(tablet.Page.Locator("#device-status")).ToHaveTextAsync($"This tablet is now set up as {secondName}.");
        await Assertions.Expect(tablet.Page.Locator("#this-device")).ToHaveTextAsync($"This tablet: {secondName}.");
        await Assertions.Expect(tablet.Page.Locator("#signed-in")).ToBeHiddenAsync();
        await CheckAsync(tablet.Browser, "tablet: set up as another device from a link, after asking");
    }

    [TestMethod]
    public async Task TabletPage_SetUpLinkOpenedThroughTheServiceWorker_LeavesNoSecretInItsCache()
    {
        var service = await StartServiceAsync();
        var (device, _) = await RegisterDeviceAsync(service);
        var tablet = new TabletPage(await NewPageAsync(service));
        await tablet.OpenAsync();
        // The worker installed and controlling the tablet's pages, as on every tablet after its first start.
        await tablet.Page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null");

        // The camera opens the link as a new page load, which the worker fetches (network first) and keeps as the app shell.
        await tablet.Page.GotoAsync("about:blank");
        await tablet.Page.GotoAsync(SetUpLink(service, device.DeviceId, device.DeviceSecret));
        await tablet.Page.GetByRole(AriaRole.Heading, new() { Name = "Staff sign-in" }).WaitForAsync();
        Assert.IsTrue(await tablet.Page.EvaluateAsync<bool>("() => navigator.serviceWorker.controller !== null"), "the link was fetched through the worker");

        var keys = await tablet.Page.EvaluateAsync<string[]>(
            "async () => (await Promise.all((await caches.keys()).map(async n => (await (await caches.open(n)).keys()).map(r => r.url)))).flat()");
        CollectionAssert.Contains(keys, $"{service.Address.GetLeftPart(UriPartial.Authority)}/tablet/", "the page itself is kept for offline use");
        Assert.IsFalse(keys.Any(url => url.Contains('#', StringComparison.Ordinal) || url.Contains(Uri.EscapeDataString(device.DeviceSecret), StringComparison.Ordinal)),
            "the worker's cache keeps no set-up link (the fragment with the secret): " + string.Join(", ", keys));
    }

    private static string SetUpLink(ServiceProcess service, string deviceId, string secret) =>
        $"{service.Address.GetLeftPart(UriPartial.Authority)}/tablet/#device={Uri.EscapeDataString(deviceId)}&secret={Uri.EscapeDataString(secret)}";

    private static async Task<(DeviceRegistration Device, string Name)> RegisterDeviceAsync(ServiceProcess service)
    {
        using var manager = await ApiClient.SignInAsync(service.Address, ServiceSettings.ManagerUsername, ServiceSettings.ManagerPassword);
        var name = "Wrens tablet " + Guid.NewGuid().ToString("N")[..8];
        return (await manager.RegisterDeviceAsync(name), name);
    }

    private static async Task<string?> StoredDeviceIdAsync(IPage page) =>
        await page.EvaluateAsync<string?>("() => JSON.parse(localStorage.getItem('mediagate.tablet.device') ?? 'null')?.deviceId ?? null");

    /// <summary>The page's address (<c>location.href</c>) at the moment it asks POST /api/tablet/enrolment.</summary>
    private static async Task<TaskCompletionSource<string>> AddressWhenEnrolmentIsAskedAsync(IPage page)
    {
        var address = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteAsync(EnrolmentUrl(), async route =>
        {
            address.TrySetResult(await page.EvaluateAsync<string>("() => location.href"));
            await route.ContinueAsync();
        });
        return address;
    }

    [GeneratedRegex("/api/tablet/enrolment$")]
    private static partial Regex EnrolmentUrl();
}
