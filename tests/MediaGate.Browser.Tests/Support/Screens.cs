namespace MediaGate.Browser.Tests.Support;

/// <summary>
/// Screenshots of a page at a tablet's and a phone's width (issue 8: the README shows them), written as NAME-tablet.png
/// and NAME-phone.png to artifacts/screenshots, or to the folder in MEDIAGATE_SCREENSHOTS_DIR (`eng/screenshots.sh`
/// sets it to docs/screenshots to refresh the README's copies), so that a test run does not change tracked files.
/// The page's own viewport is restored afterwards.
/// </summary>
internal static class Screens
{
    public static readonly ViewportSize Tablet = new() { Width = 768, Height = 1024 };

    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    public static string Folder =>
        Environment.GetEnvironmentVariable("MEDIAGATE_SCREENSHOTS_DIR") is { Length: > 0 } folder
            ? Path.GetFullPath(folder)
            : Path.Combine(TestPaths.RepoRoot, "artifacts", "screenshots");

    /// <summary>Captures the whole page at both widths; answers the two files written.</summary>
    public static async Task<IReadOnlyList<string>> CaptureAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        Directory.CreateDirectory(Folder);
        var before = page.ViewportSize;
        var files = new List<string>();
        foreach (var (suffix, size) in new[] { ("tablet", Tablet), ("phone", Phone) })
        {
            await page.SetViewportSizeAsync(size.Width, size.Height);
            var file = Path.Combine(Folder, $"{name}-{suffix}.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true, Animations = ScreenshotAnimations.Disabled });
            files.Add(file);
        }

        if (before is not null)
        {
            await page.SetViewportSizeAsync(before.Width, before.Height);
        }

        return files;
    }
}
