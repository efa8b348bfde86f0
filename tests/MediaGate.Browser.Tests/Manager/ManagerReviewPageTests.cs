using System.Globalization;
using System.Text.Json;

namespace MediaGate.Browser.Tests.Manager;

/// <summary>
/// Issue 13, the review page for seven waiting items: no reason printed twice, no "awaiting approval" for a purpose no
/// child in the photo may be published for, drop-downs as wide as their choices, a face named by tapping its box. The
/// page's height is written to artifacts/review-height.txt (<c>eng/review-height.sh</c> reads it, before and after). The photos
/// are real ones from ../shared/eval: no screenshot is taken.
/// </summary>
[TestClass]
public sealed class ManagerReviewPageTests : BrowserTest
{
    private static readonly TimeSpan ProcessingLimit = TimeSpan.FromSeconds(180);

    [TestMethod]
    [Timeout(600_000, CooperativeCancellation = true)]
    public async Task ReviewPage_SevenWaitingItems_EachReasonOnceNoApprovalWithoutPublishableChildFullDropDownsAndBoxTapNamesFace()
    {
        // eng/review-height.sh points this at an older wwwroot to measure the page as it was.
        var service = await StartServiceAsync(settings =>
        {
            if (Environment.GetEnvironmentVariable("MEDIAGATE_REVIEW_PAGES_ROOT") is { Length: > 0 } root)
            {
                settings.With("MEDIAGATE_WebPages__Root", root);
            }
        });
        using var nursery = await Nursery.CreateAsync(service.Address);
        await nursery.GrantJournalAsync(avaGroup: false, benGroup: false, caraGroup: false);
        string[] both = [nursery.Ava.ChildId, nursery.Ben.ChildId];
        string[] all = [nursery.Ava.ChildId, nursery.Ben.ChildId, nursery.Cara.ChildId];
        var uploads = new List<(string Path, string[] Children)>
        {
            (TestPhotos.GroupOfTwo, all),
            (TestPhotos.GroupOfTwo, both),
            (TestImages.Astronaut, both),
        };
        uploads.AddRange(TestPhotos.Solos.Take(4).Select(path => (path, both)));
        var observations = new List<string>();
        foreach (var (path, children) in uploads)
        {
            observations.Add((await nursery.Tablet.UploadAsync([UploadFile.FromPath(path)], children, "Review " + observations.Count)).ObservationId);
        }

        foreach (var observation in observations)
        {
            await nursery.Tablet.WaitUntilDecidedAsync(observation, ProcessingLimit);
        }

        var queue = await nursery.Manager.ReviewAsync();
        Assert.AreEqual(7, queue.GetArrayLength(), "seven items wait for review: " + queue);

        var page = await NewPageAsync(service);
        await ManagerConsole.SignInAsync(page, "review.html");
        await Assertions.Expect(page.Page.Locator("article[data-media] img")).ToHaveCountAsync(7, new() { Timeout = 60_000 });
        await page.Page.WaitForFunctionAsync("() => [...document.querySelectorAll('article[data-media] img')].every(img => img.complete && img.naturalWidth > 0)");
        var tabletHeight = await PageHeightAsync(page.Page);
        await page.Page.SetViewportSizeAsync(1280, 900);
        var desktopHeight = await PageHeightAsync(page.Page);
        await page.Page.SetViewportSizeAsync(Screens.Tablet.Width, Screens.Tablet.Height);
        var measured = string.Create(CultureInfo.InvariantCulture, $"review-height items=7 tablet768={tabletHeight} desktop1280={desktopHeight}");
        TestContext.WriteLine(measured);
        var artifacts = Directory.CreateDirectory(Path.Combine(TestPaths.RepoRoot, "artifacts"));
        await File.WriteAllTextAsync(Path.Combine(artifacts.FullName, "review-height.txt"), measured + "\n");

        foreach (var item in queue.EnumerateArray())
        {
            var card = page.Page.Locator($"article[data-media='{item.GetProperty("mediaId").GetString()}']");
            var shown = await card.EvaluateAsync<string>("card => card.innerText");
            foreach (var message in Messages(item))
            {
                Assert.IsLessThanOrEqualTo(1, Occurrences(shown, message), $"the reason \"{message}\" is printed once at most on its card:\n{shown}");
            }
        }

        await page.Page.EvaluateAsync("() => document.querySelectorAll('details').forEach(d => { d.open = true; })");
        Assert.DoesNotContain(
            "Awaiting manager approval",
            await page.Page.Locator("#content").InnerTextAsync(),
            "no child has website or publicity consent: nothing is awaiting approval for them");
        var cutShort = await page.Page.EvaluateAsync<string[]>("""
            () => {
              const g = document.createElement('canvas').getContext('2d');
              return [...document.querySelectorAll('#content select')].filter(select => {
                const style = getComputedStyle(select);
                g.font = style.font;
                const widest = Math.max(...[...select.options].map(o => g.measureText(o.text).width));
                // The text area is the box less its padding and the arrow (about 1.25 rem).
                const room = select.getBoundingClientRect().width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
                return widest > room + 1;
              }).map(select => select.id);
            }
            """);
        Assert.IsEmpty(cutShort, "drop-downs as wide as their longest choice: " + string.Join(", ", cutShort));
        await CheckAsync(page, "review queue with seven items, reasons open");

        var first = queue.EnumerateArray().First(i => i.GetProperty("faces").GetArrayLength() > 0);
        var firstCard = page.Page.Locator($"article[data-media='{first.GetProperty("mediaId").GetString()}']");
        await firstCard.GetByRole(AriaRole.Button, new() { Name = "Box 1: whose face is it?" }).ClickAsync();
        var focused = await page.Page.EvaluateAsync<string>("() => document.activeElement?.dataset.face ?? ''");
        Assert.AreEqual(first.GetProperty("faces")[0].GetProperty("faceId").ToString(), focused, "tapping a box opens that face's choice");
    }

    private static Task<int> PageHeightAsync(IPage page) => page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");

    private static IEnumerable<string> Messages(JsonElement item) =>
        item.GetProperty("decisions").EnumerateArray()
            .SelectMany(d => d.GetProperty("reasons").EnumerateArray())
            .Select(r => r.GetProperty("message").GetString()!)
            .Where(m => m.Length > 12)
            .Distinct(StringComparer.Ordinal);

    private static int Occurrences(string text, string part)
    {
        int count = 0;
        for (int at = text.IndexOf(part, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.OrdinalIgnoreCase))
        {
            count++;
        }

        return count;
    }
}
