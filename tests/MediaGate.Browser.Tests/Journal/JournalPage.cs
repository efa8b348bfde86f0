using System.Net;

namespace MediaGate.Browser.Tests.Journal;

/// <summary>What the journal tests do on /journal/, as a parent would: by labels and button names.</summary>
internal static class JournalPage
{
    /// <summary>Opens the journal and submits the sign-in form; answers the sign-in response.</summary>
    public static async Task<IResponse> SignInAsync(IPage page, string username, string password)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (!page.Url.Contains("/journal/", StringComparison.Ordinal))
        {
            await page.GotoAsync("/journal/", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        }

        await page.GetByLabel("Username").FillAsync(username);
        await page.GetByLabel("Password").FillAsync(password);
        return await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in", Exact = true }).ClickAsync(),
            r => r.Url.EndsWith("/api/session", StringComparison.Ordinal) && r.Request.Method == "POST");
    }

    /// <summary>The list entry of one item.</summary>
    public static ILocator Entry(IPage page, string mediaId) => page.Locator($"li.entry[data-media-id='{mediaId}']");

    /// <summary>The media ids of the entries the page lists, in order.</summary>
    public static async Task<IReadOnlyList<string>> ListedAsync(IPage page) =>
        (await page.Locator("li.entry").EvaluateAllAsync<string[]>("entries => entries.map(e => e.dataset.mediaId)")).ToList();

    /// <summary>
    /// The photo the page shows for an item, read back from the page itself: the displayed &lt;img&gt; drawn into a
    /// canvas and encoded as a JPEG at quality 1, so the check is on what the parent sees, not on a second download.
    /// </summary>
    public static async Task<byte[]> ShownPhotoAsync(IPage page, string mediaId)
    {
        var image = Entry(page, mediaId).Locator("img.photo");
        await image.ScrollIntoViewIfNeededAsync();
        await Assertions.Expect(image).ToBeVisibleAsync();
        var dataUrl = await image.EvaluateAsync<string>("""
            async img => {
              await img.decode();
              const canvas = document.createElement('canvas');
              canvas.width = img.naturalWidth;
              canvas.height = img.naturalHeight;
              canvas.getContext('2d').drawImage(img, 0, 0);
              return canvas.toDataURL('image/jpeg', 1);
            }
            """);
        const string prefix = "data:image/jpeg;base64,";
        StringAssert.StartsWith(dataUrl, prefix, "the canvas gives a JPEG");
        return Convert.FromBase64String(dataUrl[prefix.Length..]);
    }

    /// <summary>Sets a parent's password through the manager's API (README) and answers a client signed in with it.</summary>
    public static async Task<ApiClient> SetPasswordAsync(Nursery nursery, FamilyMember family, string password)
    {
        ArgumentNullException.ThrowIfNull(nursery);
        ArgumentNullException.ThrowIfNull(family);
        using var response = await nursery.Manager.SendAsync(
            HttpMethod.Put, $"/api/manager/accounts/{family.ParentAccountId}/password", ApiClient.JsonBody(new { password }));
        await ApiClient.ExpectAsync(response, "PUT password", HttpStatusCode.NoContent, HttpStatusCode.OK);
        return await ApiClient.SignInAsync(nursery.Manager.Address, family.ParentUsername, password);
    }
}
