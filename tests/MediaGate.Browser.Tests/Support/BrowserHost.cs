namespace MediaGate.Browser.Tests.Support;

/// <summary>
/// The run's one Chromium (Debian's <c>/usr/bin/chromium</c>, driven by Playwright; environment.md: no browser
/// download works here), started when the first test needs it and closed at the end. Each test gets its own
/// context (cookies, storage, offline switch), so tests never share state.
/// </summary>
[TestClass]
public static class BrowserHost
{
    /// <summary>Debian's Chromium, or MEDIAGATE_CHROMIUM.</summary>
    public static string ExecutablePath { get; } =
        Environment.GetEnvironmentVariable("MEDIAGATE_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private static readonly SemaphoreSlim StartLock = new(1, 1);
    private static IPlaywright? _playwright;
    private static IBrowser? _browser;

    /// <summary>The browser, started on first use (a failed start fails the test that asked, never skips it).</summary>
    internal static async Task<IBrowser> BrowserAsync()
    {
        await StartLock.WaitAsync();
        try
        {
            if (_browser is { IsConnected: true })
            {
                return _browser;
            }

            if (!File.Exists(ExecutablePath))
            {
                throw new InvalidOperationException($"{ExecutablePath} is missing: run eng/setup.sh (it installs Debian's chromium)");
            }

            _playwright ??= await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                // environment.md: no sandbox (CI runs as root), no GPU, and nothing that calls out to the internet.
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            });
            return _browser;
        }
        finally
        {
            StartLock.Release();
        }
    }

    [AssemblyCleanup]
    public static async Task StopAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}
