using System.Text.RegularExpressions;
using MediaGate.Browser.Tests.Tablet;

namespace MediaGate.Browser.Tests.Video;

/// <summary>The tablet page's video controls (issue 14), by their labels, beside <see cref="TabletPage"/>.</summary>
internal sealed partial class TabletVideoPage(TabletPage tablet)
{
    public TabletPage Tablet => tablet;

    public IPage Page => tablet.Page;

    public ILocator CaptureError => Page.Locator("#capture-error");

    public ILocator ChosenClips => Page.Locator("#chosen li.clip");

    /// <summary>What the page says of a chosen clip it could not fully check (its length unreadable here).</summary>
    public ILocator ClipNote => Page.Locator("#clip-note");

    public async Task ChooseClipAsync(string path) =>
        await Page.GetByLabel("Record or choose a video").SetInputFilesAsync(path);

    /// <summary>Presses Upload and waits until the chosen clips are cleared (the page queued them).</summary>
    public async Task UploadAsync()
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();
        await Assertions.Expect(ChosenClips).ToHaveCountAsync(0, new() { Timeout = 30_000 });
    }

    /// <summary>
    /// From now on, every text the upload's progress line shows is kept in the page (a MutationObserver), so a test can
    /// read what staff saw even when the upload is over in a moment.
    /// </summary>
    public async Task RecordProgressAsync() => await Page.EvaluateAsync("""
        () => {
          window.mediagateProgress = [];
          const line = document.getElementById('progress-text');
          new MutationObserver(() => { if (line.textContent) { window.mediagateProgress.push(line.textContent); } })
            .observe(line, { childList: true, characterData: true, subtree: true });
        }
        """);

    public async Task<IReadOnlyList<string>> ProgressSeenAsync() =>
        await Page.EvaluateAsync<string[]>("() => window.mediagateProgress ?? []");

    [GeneratedRegex(@"^\d+ (KB|MB) of \d+ (KB|MB) sent \(\d+%\)$")]
    public static partial Regex ProgressText();
}
