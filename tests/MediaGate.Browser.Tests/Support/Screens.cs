namespace MediaGate.Browser.Tests.Support;

/// <summary>
/// Screenshots of a page at a tablet's and a phone's width (issue 8: the README shows them), written to
/// docs/screenshots/NAME-tablet.png and NAME-phone.png in the repository. The tests write them; the lead commits them
/// after a run. The page's own viewport is restored afterwards.
/// </summary>
internal static class Screens
{
    public static readonly ViewportSize Tablet = new() { Width = 768, Height = 1024 };

    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    public static string Folder => Path.Combine(MediaGate.Tests.TestPaths.RepoRoot, "docs", "screenshots");

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
