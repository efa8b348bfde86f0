using System.Text;
using System.Text.Json;

namespace MediaGate.Browser.Tests.Support;

/// <summary>
/// Runs axe-core (npm <c>axe-core</c>, installed in eng/npm by eng/setup.sh) on the page as it is now, for the WCAG
/// 2.0, 2.1 and 2.2 A and AA rules (issue 8: no violations on any page or state the tests visit). A failure lists
/// each violation with the elements it found.
/// </summary>
internal static class Axe
{
    /// <summary>axe.min.js is served to the page as if it were MediaGate's own file, so the page's strict policy
    /// (<c>script-src 'self'</c>) lets it run without loosening anything.</summary>
    private const string ScriptPath = "/__tests__/axe.min.js";

    private static readonly Lazy<byte[]> Script = new(() =>
    {
        var path = Path.Combine(TestPaths.RepoRoot, "eng", "npm", "node_modules", "axe-core", "axe.min.js");
        return File.Exists(path) ? File.ReadAllBytes(path) : throw new InvalidOperationException($"{path} is missing: run eng/setup.sh");
    });

    private static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    /// <summary>Fails the test when axe finds any WCAG A/AA violation on the page.</summary>
    public static async Task AssertNoViolationsAsync(IPage page, string state)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.RouteAsync("**" + ScriptPath, route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 200,
            ContentType = "text/javascript",
            BodyBytes = Script.Value,
        }));
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Url = ScriptPath });
        }

        var result = await page.EvaluateAsync<JsonElement>(
            "async tags => (await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })).violations",
            Tags);
        if (result.GetArrayLength() == 0)
        {
            return;
        }

        var report = new StringBuilder($"axe-core found {result.GetArrayLength()} violation(s) on {state} ({page.Url}):");
        foreach (var violation in result.EnumerateArray())
        {
            report.Append("\n- ").Append(violation.GetProperty("id").GetString())
                .Append(" (").Append(violation.GetProperty("impact").ToString()).Append("): ")
                .Append(violation.GetProperty("help").GetString());
            foreach (var node in violation.GetProperty("nodes").EnumerateArray())
            {
                report.Append("\n    at ").Append(node.GetProperty("target").ToString())
                    .Append(": ").Append(node.GetProperty("failureSummary").GetString()?.Replace("\n", " ", StringComparison.Ordinal));
            }
        }

        Assert.Fail(report.ToString());
    }
}
