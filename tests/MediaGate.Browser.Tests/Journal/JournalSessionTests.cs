using System.Net;

namespace MediaGate.Browser.Tests.Journal;

/// <summary>
/// Signing in and out of the journal (issue 8, section 5: "sign-in has rate limits and lockout, and sign-out works"):
/// sign-out makes the server refuse the token, not only the page forget it; a lockout is shown plainly with the time
/// to try again; an account that is not a parent's is turned away.
/// </summary>
[TestClass]
public sealed class JournalSessionTests : BrowserTest
{
    [TestMethod]
    public async Task SignOut_SignedInParent_TokenRefusedByTheServerAfterwards()
    {
        var service = await StartServiceAsync();
        using var nursery = await Nursery.CreateAsync(service.Address);
        var password = $"Journal-Passphrase-{nursery.Tag}";
        using var _ = await JournalPage.SetPasswordAsync(nursery, nursery.Cara, password);
        var page = await NewPageAsync(service, Screens.Phone);
        await page.Page.GotoAsync("/journal/", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        await CheckAsync(page, "journal sign-in", screenshot: "journal-signin");

        // With the keyboard alone: the page starts in the username field; Tab to the password, Enter to sign in.
        await Assertions.Expect(page.Page.GetByLabel("Username")).ToBeFocusedAsync();
        await page.Page.Keyboard.TypeAsync(nursery.Cara.ParentUsername);
        await page.Page.Keyboard.PressAsync("Tab");
        await page.Page.Keyboard.TypeAsync(password);
        await page.Page.RunAndWaitForResponseAsync(
            () => page.Page.Keyboard.PressAsync("Enter"),
            r => r.Url.EndsWith("/api/session", StringComparison.Ordinal) && r.Request.Method == "POST");
        var heading = page.Page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "Photos and videos of " + nursery.Cara.ChildName });
        await Assertions.Expect(heading).ToBeVisibleAsync();
        await Assertions.Expect(heading).ToBeFocusedAsync();
        await Assertions.Expect(page.Page.GetByRole(AriaRole.Status).Filter(new LocatorFilterOptions { HasText = "No photos yet" })).ToBeVisibleAsync();
        var token = await page.Page.EvaluateAsync<string?>("() => sessionStorage.getItem('mediagate.token')");
        Assert.IsFalse(string.IsNullOrEmpty(token), "the token is kept in sessionStorage while signed in");
        using var before = ApiClient.WithToken(service.Address, token);
        using (var answer = await before.SendAsync(HttpMethod.Get, "/api/parent/media"))
        {
            Assert.AreEqual(HttpStatusCode.OK, answer.StatusCode, "the page's token works before signing out");
        }

        await CheckAsync(page, "journal without photos", screenshot: "journal-empty");

        // Back from the heading to the header's Sign out button, and Enter.
        await page.Page.Keyboard.PressAsync("Shift+Tab");
        await Assertions.Expect(page.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign out" })).ToBeFocusedAsync();
        await page.Page.RunAndWaitForResponseAsync(
            () => page.Page.Keyboard.PressAsync("Enter"),
            r => r.Url.EndsWith("/api/session", StringComparison.Ordinal) && r.Request.Method == "DELETE");

        await Assertions.Expect(page.Page.GetByText("You have signed out.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Page.GetByLabel("Username")).ToBeVisibleAsync();
        Assert.IsNull(await page.Page.EvaluateAsync<string?>("() => sessionStorage.getItem('mediagate.token')"), "the page forgets the token");
        Assert.AreEqual(0, await page.Page.Locator("li.entry").CountAsync(), "nothing of the journal is left on the page");
        foreach (var path in new[] { "/api/session", "/api/parent/media", "/api/parent/children" })
        {
            using var refused = await before.SendAsync(HttpMethod.Get, path);
            Assert.AreEqual(HttpStatusCode.Unauthorized, refused.StatusCode, $"after sign-out the server refuses the token on {path}");
        }

        await CheckAsync(page, "journal signed out");
    }

    [TestMethod]
    public async Task SignIn_RepeatedWrongPassword_ShowsTheLockoutAndWhenToTryAgain()
    {
        var service = await StartServiceAsync();
        using var nursery = await Nursery.CreateAsync(service.Address);
        var page = await NewPageAsync(service, Screens.Phone);
        // Chromium logs each refused sign-in ("the server responded with a status of 401" / "429"): this test's own doing.
        page.Probe.ExpectConsoleError("status of 401");
        page.Probe.ExpectConsoleError("status of 429");
        var alert = page.Page.Locator("#sign-in-error");

        IResponse? answer = null;
        for (var attempt = 1; attempt <= 8 && answer?.Status != 429; attempt++)
        {
            answer = await JournalPage.SignInAsync(page.Page, nursery.Ava.ParentUsername, "not-the-password-" + attempt);
            if (answer.Status == 401)
            {
                await Assertions.Expect(alert).ToHaveTextAsync("The username or password is wrong. Check them and try again.");
            }
        }

        Assert.IsNotNull(answer);
        Assert.AreEqual(429, answer.Status, "repeated wrong passwords lock the account out");
        var retryAfter = int.Parse(await answer.HeaderValueAsync("retry-after") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        Assert.IsGreaterThan(0, retryAfter, "the lockout says how long to wait");
        await Assertions.Expect(alert).ToContainTextAsync("Too many failed sign-ins");
        await Assertions.Expect(alert).ToContainTextAsync("You can try again at");
        await Assertions.Expect(page.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in", Exact = true })).ToBeDisabledAsync();
        Assert.IsNull(await page.Page.EvaluateAsync<string?>("() => sessionStorage.getItem('mediagate.token')"), "no token after refused sign-ins");
        await CheckAsync(page, "journal locked out", screenshot: "journal-lockout");
    }

    [TestMethod]
    public async Task SignIn_ManagerAccount_TurnedAwayAndSignedOutAgain()
    {
        var service = await StartServiceAsync();
        var page = await NewPageAsync(service, Screens.Phone);

        await JournalPage.SignInAsync(page.Page, ServiceSettings.ManagerUsername, ServiceSettings.ManagerPassword);

        await Assertions.Expect(page.Page.Locator("#sign-in-error")).ToContainTextAsync("This page is for parents");
        await Assertions.Expect(page.Page.Locator("#journal")).ToBeHiddenAsync();
        Assert.IsNull(await page.Page.EvaluateAsync<string?>("() => sessionStorage.getItem('mediagate.token')"), "the manager's token is not kept");
        await CheckAsync(page, "journal refusing a manager");
    }
}
