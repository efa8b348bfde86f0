namespace MediaGate.Browser.Tests.Support;

/// <summary>
/// Base of the browser test classes: a real <c>mediagate serve</c> (embedded SQLite and folder stores, the YuNet
/// models of ../shared/models), a fresh browser context per page (its own storage; <see cref="PageProbe"/> attached
/// before the first document loads), and <see cref="CheckAsync"/>, which every visited state goes through: no
/// console errors or CSP violations, axe-core clean, and optionally screenshots. Contexts and services are closed
/// after each test; work folders (server logs) are kept when a test fails.
/// </summary>
public abstract class BrowserTest : ServiceTest
{
    private readonly List<IBrowserContext> _contexts = [];
    private readonly List<ServiceProcess> _services = [];

    /// <summary>Starts a service for this test (stopped after it).</summary>
    internal async Task<ServiceProcess> StartServiceAsync(Action<ServiceSettings>? configure = null)
    {
        var settings = ServiceSettings.Embedded(NewWorkFolder("browser"), "node", Models);
        configure?.Invoke(settings);
        var service = await ServiceProcess.StartAsync(settings);
        _services.Add(service);
        return service;
    }

    /// <summary>A page in a fresh context whose relative URLs go to <paramref name="service"/>, at a tablet's size unless told.</summary>
    internal async Task<BrowserPage> NewPageAsync(ServiceProcess service, ViewportSize? viewport = null)
    {
        ArgumentNullException.ThrowIfNull(service);
        var browser = await BrowserHost.BrowserAsync();
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = service.Address.ToString(),
            ViewportSize = viewport ?? Screens.Tablet,
            Locale = "en-GB",
            TimezoneId = "Europe/London",
        });
        _contexts.Add(context);
        context.SetDefaultTimeout(30_000);
        var probe = await PageProbe.AttachAsync(context);
        var page = await context.NewPageAsync();
        return new BrowserPage(page, probe, service);
    }

    /// <summary>
    /// The checks every visited state passes (issue 8, "Done when"): nothing reported by the page, axe-core clean;
    /// with <paramref name="screenshot"/>, captures docs/screenshots/NAME-tablet.png and -phone.png.
    /// </summary>
    internal static async Task CheckAsync(BrowserPage page, string state, string? screenshot = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        page.Probe.AssertClean(state);
        await Axe.AssertNoViolationsAsync(page.Page, state);
        if (screenshot is not null)
        {
            await Screens.CaptureAsync(page.Page, screenshot);
        }

        page.Probe.AssertClean(state);
    }

    [TestCleanup]
    public async Task CloseBrowserAndServicesAsync()
    {
        foreach (var context in _contexts)
        {
            if (TestContext.CurrentTestOutcome != UnitTestOutcome.Passed)
            {
                foreach (var page in context.Pages)
                {
                    var file = Path.Combine(Path.GetTempPath(), $"mediagate-browser-failure-{Guid.NewGuid():N}.png");
                    await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
                    TestContext.WriteLine("failure screenshot: " + file);
                }
            }

            await context.CloseAsync();
        }

        foreach (var service in _services)
        {
            if (TestContext.CurrentTestOutcome != UnitTestOutcome.Passed)
            {
                TestContext.WriteLine(service.LogTail());
            }

            await service.DisposeAsync();
        }
    }
}
