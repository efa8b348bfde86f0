namespace MediaGate.Browser.Tests.Manager;

/// <summary>What the manager's console tests share: signing in through the page's own form, and waiting for it.</summary>
internal static class ManagerConsole
{
    /// <summary>Opens a console page (e.g. <c>review.html</c>) and signs in as the bootstrap manager through its form.</summary>
    public static async Task SignInAsync(BrowserPage page, string file)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.Page.GotoAsync("/manager/" + file, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        await page.Page.GetByLabel("Username").FillAsync(ServiceSettings.ManagerUsername);
        await page.Page.GetByLabel("Password").FillAsync(ServiceSettings.ManagerPassword);
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await WaitUntilLoadedAsync(page);
    }

    /// <summary>Goes to another console page in the same tab (the token stays in sessionStorage) and waits for its content.</summary>
    public static async Task OpenAsync(BrowserPage page, string file)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.Page.GotoAsync("/manager/" + file, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        await WaitUntilLoadedAsync(page);
    }

    /// <summary>Waits for the signed-in page to have rendered its data (nav.js clears aria-busy on #content).</summary>
    private static async Task WaitUntilLoadedAsync(BrowserPage page)
    {
        await page.Page.GetByRole(AriaRole.Navigation, new() { Name = "Console pages" }).WaitForAsync();
        await page.Page.Locator("#content[aria-busy='false']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }
}
