using System.Net;

namespace MediaGate.Browser.Tests.Manager;

/// <summary>
/// The console's administration pages against a real service (issue 8 §3): devices (register with the secret shown
/// once, revoke), accounts (create, deactivate), the audit log (filters), and sign-in and sign-out. Each effect is
/// checked through the API, not only on the page.
/// </summary>
[TestClass]
public sealed class ManagerAdministrationTests : BrowserTest
{
    [TestMethod]
    public async Task DevicesPage_RegisterThenRevoke_SecretSignsInOnceShownThenRefusedAfterRevoke()
    {
        var service = await StartServiceAsync();
        using var manager = await ApiClient.SignInAsync(service.Address, ServiceSettings.ManagerUsername, ServiceSettings.ManagerPassword);
        var tag = Guid.NewGuid().ToString("N")[..8];
        await manager.CreateStaffAsync("staff-" + tag, "482913");
        var page = await NewPageAsync(service);
        await ManagerConsole.SignInAsync(page, "devices.html");
        await CheckAsync(page, "devices page, none registered");

        await page.Page.GetByLabel("Tablet name (e.g. Robins room)").FillAsync("Robins " + tag);
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Register", Exact = true }).ClickAsync();
        var secret = await page.Page.GetByLabel("Device secret").InputValueAsync();
        var deviceId = await page.Page.GetByLabel("Device id").InputValueAsync();
        Assert.IsGreaterThanOrEqualTo(16, secret.Length, "the secret is shown");
        var row = page.Page.Locator($"tr[data-device='{deviceId}']");
        await Assertions.Expect(row).ToContainTextAsync("Active");
        await CheckAsync(page, "device registered, secret shown once", screenshot: "manager-devices");
        using (var tablet = await ApiClient.SignInTabletAsync(service.Address, new DeviceRegistration(deviceId, secret), "staff-" + tag, "482913"))
        {
            Assert.IsNotNull(tablet.Token, "the secret the page showed signs a tablet in");
        }

        await page.Page.ReloadAsync(new PageReloadOptions { WaitUntil = WaitUntilState.NetworkIdle });
        await Assertions.Expect(page.Page.GetByLabel("Device secret")).ToHaveCountAsync(0);
        Assert.DoesNotContain(secret, await page.Page.ContentAsync(), "the secret is never shown again");

        await page.Page.Locator($"tr[data-device='{deviceId}']").GetByRole(AriaRole.Button, new() { Name = $"Revoke Robins {tag}" }).ClickAsync();
        await CheckAsync(page, "revoke asked to confirm");
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Yes, revoke" }).ClickAsync();
        await Assertions.Expect(page.Page.Locator($"tr[data-device='{deviceId}']")).ToContainTextAsync("Revoked");
        var refused = await Assert.ThrowsExactlyAsync<ApiException>(() => ApiClient.SignInTabletAsync(service.Address, new DeviceRegistration(deviceId, secret), "staff-" + tag, "482913"));
        Assert.AreEqual(HttpStatusCode.Unauthorized, refused.Status, "a revoked tablet cannot sign in");
        await CheckAsync(page, "device revoked");
    }

    [TestMethod]
    public async Task AccountsPage_CreateParentThenDeactivate_ParentSignsInThenIsRefused()
    {
        var service = await StartServiceAsync();
        using var manager = await ApiClient.SignInAsync(service.Address, ServiceSettings.ManagerUsername, ServiceSettings.ManagerPassword);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var childName = $"Dora Zq{tag}";
        var childId = await manager.CreateChildAsync(childName, "Robins");
        var username = $"parent-{tag}";
        var password = $"Parent-Passphrase-{tag}";
        var page = await NewPageAsync(service);
        await ManagerConsole.SignInAsync(page, "accounts.html");

        await page.Page.GetByLabel("Username", new() { Exact = true }).FillAsync(username);
        await page.Page.GetByLabel("Role").SelectOptionAsync("parent");
        await page.Page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.Page.GetByLabel(childName).CheckAsync();
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        var row = page.Page.Locator("tr", new() { HasText = username });
        await Assertions.Expect(row).ToContainTextAsync(childName);
        await CheckAsync(page, "accounts with a new parent", screenshot: "manager-accounts");
        using (var parent = await ApiClient.SignInAsync(service.Address, username, password))
        {
            Assert.IsEmpty(await parent.ParentMediaAsync(), "the new parent signs in and sees their (empty) journal");
        }

        var accounts = await manager.GetJsonAsync<System.Text.Json.JsonElement>("/api/manager/accounts");
        var created = accounts.EnumerateArray().Single(a => a.GetProperty("username").GetString() == username);
        CollectionAssert.AreEqual(new[] { childId }, created.GetProperty("children").EnumerateArray().Select(c => c.GetString()).ToArray(), "the parent may see the child ticked");

        await row.GetByRole(AriaRole.Button, new() { Name = $"Deactivate {username}" }).ClickAsync();
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Yes, deactivate" }).ClickAsync();
        await Assertions.Expect(page.Page.Locator("tr", new() { HasText = username })).ToContainTextAsync("Deactivated");
        var refused = await Assert.ThrowsExactlyAsync<ApiException>(() => ApiClient.SignInAsync(service.Address, username, password));
        Assert.AreEqual(HttpStatusCode.Unauthorized, refused.Status, "a deactivated account cannot sign in");
        await CheckAsync(page, "accounts after a deactivation");
    }

    [TestMethod]
    public async Task AccountsPage_NoRoleChosenThenTwoFamiliesInARow_NothingMadeUntilChosenAndBothAreParents()
    {
        var service = await StartServiceAsync();
        using var manager = await ApiClient.SignInAsync(service.Address, ServiceSettings.ManagerUsername, ServiceSettings.ManagerPassword);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var childName = $"Esme Zq{tag}";
        await manager.CreateChildAsync(childName, "Robins");
        var page = await NewPageAsync(service, Screens.Tablet);
        await ManagerConsole.SignInAsync(page, "accounts.html");
        var create = page.Page.GetByRole(AriaRole.Button, new() { Name = "Create account" });

        // No role chosen: nothing is created (the role used to start at "Manager").
        await page.Page.GetByLabel("Username", new() { Exact = true }).FillAsync($"first-{tag}");
        await create.ClickAsync();
        Assert.AreEqual(string.Empty, await page.Page.GetByLabel("Role").InputValueAsync(), "no role is chosen for the manager");
        Assert.IsFalse(await AccountExistsAsync(manager, $"first-{tag}"), "an account without a chosen role is not made");

        foreach (var family in new[] { "first", "second" })
        {
            await page.Page.GetByLabel("Username", new() { Exact = true }).FillAsync($"{family}-{tag}");
            if (family == "first")
            {
                await page.Page.GetByLabel("Role").SelectOptionAsync("parent");
            }

            await page.Page.GetByLabel("Password", new() { Exact = true }).FillAsync($"Family-Passphrase-{tag}");
            await page.Page.GetByLabel(childName).CheckAsync();
            await create.ClickAsync();
            await Assertions.Expect(page.Page.Locator("tr", new() { HasText = $"{family}-{tag}" })).ToContainTextAsync("Parent");
        }

        await CheckAsync(page, "accounts: two families in a row");
        var accounts = await manager.GetJsonAsync<System.Text.Json.JsonElement>("/api/manager/accounts");
        var roles = accounts.EnumerateArray().Where(a => a.GetProperty("username").GetString()!.EndsWith(tag, StringComparison.Ordinal))
            .ToDictionary(a => a.GetProperty("username").GetString()!, a => a.GetProperty("role").GetString());
        Assert.AreEqual("parent", roles[$"second-{tag}"], "the second family made right after the first is a parent, not a manager");
    }

    private static async Task<bool> AccountExistsAsync(ApiClient manager, string username) =>
        (await manager.GetJsonAsync<System.Text.Json.JsonElement>("/api/manager/accounts")).EnumerateArray().Any(a => a.GetProperty("username").GetString() == username);

    [TestMethod]
    public async Task AccountsPage_ResetStaffPin_TabletSignsInWithTheNewPinNotTheOld()
    {
        var service = await StartServiceAsync();
        using var manager = await ApiClient.SignInAsync(service.Address, ServiceSettings.ManagerUsername, ServiceSettings.ManagerPassword);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var username = "staff-" + tag;
        await manager.CreateStaffAsync(username, "482913");
        var device = await manager.RegisterDeviceAsync("Wrens " + tag);
        var page = await NewPageAsync(service, Screens.Phone);
        await ManagerConsole.SignInAsync(page, "accounts.html");

        var row = page.Page.Locator("tr", new() { HasText = username });
        await row.GetByRole(AriaRole.Button, new() { Name = $"Reset PIN of {username}" }).ClickAsync();
        await row.GetByLabel($"New PIN for {username}").FillAsync("739154");
        await CheckAsync(page, "PIN reset form");
        await row.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Assertions.Expect(page.Page.Locator("#accounts-status")).ToHaveTextAsync($"The PIN of {username} was changed.");
        using (var tablet = await ApiClient.SignInTabletAsync(service.Address, device, username, "739154"))
        {
            Assert.IsNotNull(tablet.Token, "the new PIN signs in");
        }

        var refused = await Assert.ThrowsExactlyAsync<ApiException>(() => ApiClient.SignInTabletAsync(service.Address, device, username, "482913"));
        Assert.AreEqual(HttpStatusCode.Unauthorized, refused.Status, "the old PIN no longer signs in");
    }

    [TestMethod]
    public async Task AuditPage_ActionFilter_ShowsAndExportsOnlyThatActionsEntries()
    {
        var service = await StartServiceAsync();
        using var manager = await ApiClient.SignInAsync(service.Address, ServiceSettings.ManagerUsername, ServiceSettings.ManagerPassword);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var childId = await manager.CreateChildAsync($"Eli Zq{tag}");
        await manager.SetConsentAsync(childId, "journal", granted: true);
        var page = await NewPageAsync(service);
        await ManagerConsole.SignInAsync(page, "audit.html");
        var created = page.Page.Locator("#entries tbody tr[data-action='child-create']");
        await Assertions.Expect(created).ToHaveCountAsync(1);
        // Issue 13: names and sentences, not ids and raw JSON.
        await Assertions.Expect(created.Locator("td").Nth(2)).ToHaveTextAsync(ServiceSettings.ManagerUsername);
        await Assertions.Expect(created.Locator("td").Nth(3)).ToContainTextAsync($"Added Eli Zq{tag}.");
        await Assertions.Expect(page.Page.Locator("#entries tbody tr[data-action='consent-change'] td").Nth(3)).ToContainTextAsync($"Granted the journal consent of Eli Zq{tag}.");
        await Assertions.Expect(page.Page.GetByText(childId).Filter(new() { Visible = true })).ToHaveCountAsync(0);
        await CheckAsync(page, "audit log", screenshot: "manager-audit");

        await page.Page.GetByLabel("Action starts with").FillAsync("child-");
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        // The table is replaced when the filtered page arrives: no other action is left, and child-create is still there.
        var rows = page.Page.Locator("#entries tbody tr");
        await Assertions.Expect(rows.And(page.Page.Locator(":not([data-action^='child-'])"))).ToHaveCountAsync(0);
        await Assertions.Expect(rows.And(page.Page.Locator("[data-action='child-create']"))).ToHaveCountAsync(1);
        await CheckAsync(page, "audit log filtered");

        var download = await page.Page.RunAndWaitForDownloadAsync(() => page.Page.GetByRole(AriaRole.Button, new() { Name = "Export CSV" }).ClickAsync());
        var csv = await File.ReadAllLinesAsync(await download.PathAsync());
        Assert.IsTrue(csv.Any(line => line.Contains("child-create", StringComparison.Ordinal) && line.Contains(childId, StringComparison.Ordinal)), "the export holds the filtered entries: " + string.Join("\n", csv));
        Assert.IsTrue(csv.Any(line => line.Contains($"Added Eli Zq{tag}.", StringComparison.Ordinal)), "the export says what happened in words");
        Assert.IsFalse(csv.Any(line => line.Contains("consent", StringComparison.Ordinal) && line.Contains(childId, StringComparison.Ordinal) && !line.Contains("child-", StringComparison.Ordinal)), "the export keeps the action filter");
    }

    [TestMethod]
    public async Task SignOut_Clicked_SignInFormShownAndTheOldTokenRefused()
    {
        var service = await StartServiceAsync();
        var page = await NewPageAsync(service, Screens.Phone);
        await page.Page.GotoAsync("/manager/", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        await CheckAsync(page, "console sign-in", screenshot: "manager-signin");
        await ManagerConsole.SignInAsync(page, "accounts.html");
        var token = await page.Page.EvaluateAsync<string>("() => sessionStorage.getItem('mediagate.token')");
        Assert.IsFalse(string.IsNullOrEmpty(token));

        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Assertions.Expect(page.Page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        Assert.IsNull(await page.Page.EvaluateAsync<string?>("() => sessionStorage.getItem('mediagate.token')"));
        using var old = ApiClient.WithToken(service.Address, token);
        using var response = await old.SendAsync(HttpMethod.Get, "/api/session");
        Assert.AreEqual(HttpStatusCode.Unauthorized, response.StatusCode, "the signed-out token is refused");
        await CheckAsync(page, "signed out");
    }
}
