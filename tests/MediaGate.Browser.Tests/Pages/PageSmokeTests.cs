namespace MediaGate.Browser.Tests.Pages;

/// <summary>
/// Every page loads from <c>mediagate serve</c> (issue 8): with the strict content security policy and the hardening
/// headers, without console errors or policy violations, and clean under axe-core.
/// </summary>
[TestClass]
public sealed class PageSmokeTests : BrowserTest
{
    /// <summary>
    /// The policy of the web brief, word for word: only MediaGate's own files, images also as blob: and data:, video also
    /// as blob: (issue 14: the manager's review plays a master fetched with the token).
    /// </summary>
    private const string StrictPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; media-src 'self' blob:; connect-src 'self'; " +
        "worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    [TestMethod]
    [DataRow("/", "MediaGate")]
    [DataRow("/tablet/", "MediaGate Tablet")]
    [DataRow("/journal/", "MediaGate Journal")]
    [DataRow("/manager/", "MediaGate Manager's console")]
    public async Task Page_Loaded_ServedWithStrictPolicyAndNoProblems(string path, string title)
    {
        var service = await StartServiceAsync();
        var page = await NewPageAsync(service);

        var response = await page.Page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });

        Assert.IsNotNull(response);
        Assert.AreEqual(200, response.Status, path);
        var headers = await response.AllHeadersAsync();
        Assert.AreEqual(StrictPolicy, headers["content-security-policy"], path);
        Assert.AreEqual("nosniff", headers["x-content-type-options"]);
        Assert.AreEqual("no-referrer", headers["referrer-policy"]);
        StringAssert.Contains(headers["permissions-policy"], "camera=(self)");
        Assert.AreEqual(title, await page.Page.TitleAsync());
        await CheckAsync(page, path, screenshot: path == "/" ? "home" : null);
    }

    [TestMethod]
    public async Task Page_PathWithoutSlash_RedirectsToThePageFolder()
    {
        var service = await StartServiceAsync();
        var page = await NewPageAsync(service);

        await page.Page.GotoAsync("/journal");

        Assert.AreEqual(new Uri(service.Address, "/journal/").ToString(), page.Page.Url);
    }

    [TestMethod]
    public async Task Page_InjectedInlineScriptAndStyle_RefusedByThePolicyAndReported()
    {
        var service = await StartServiceAsync();
        var page = await NewPageAsync(service);
        await page.Page.GotoAsync("/tablet/", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });

        // What an XSS would try: an inline script and an inline style added to the document.
        await page.Page.EvaluateAsync("""
            () => {
              const script = document.createElement('script');
              script.textContent = 'window.injected = true';
              document.body.append(script);
              const style = document.createElement('div');
              style.setAttribute('style', 'color: red');
              document.body.append(style);
            }
            """);

        Assert.IsFalse(await page.Page.EvaluateAsync<bool>("() => window.injected === true"), "the inline script ran");
        Assert.IsTrue(await Poll.UntilAsync(() => Task.FromResult(page.Probe.Problems.Count >= 2), TimeSpan.FromSeconds(10)), "two CSP violations reported");
        Assert.IsTrue(page.Probe.Problems.Any(p => p.Contains("script-src", StringComparison.Ordinal)), string.Join("\n", page.Probe.Problems));
        Assert.IsTrue(page.Probe.Problems.Any(p => p.Contains("style-src", StringComparison.Ordinal)), string.Join("\n", page.Probe.Problems));
    }
}
