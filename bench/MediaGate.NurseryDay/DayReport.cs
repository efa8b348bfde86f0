using System.Globalization;
using MediaGate.Service.Tests.NurseryDay;

namespace MediaGate.NurseryDay;

/// <summary>The day's Markdown: outcomes per kind of photo, the reasons of those that stopped, and times.</summary>
internal sealed class DayReport(DayOptions options, IReadOnlyList<DayResult> results, long? peakBytes)
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public void Print(TextWriter o)
    {
        var single = results.Where(r => r.Photo.Faces.Count == 1).ToList();
        var two = results.Where(r => r.Photo.Faces.Count == 2).ToList();
        o.WriteLine();
        o.WriteLine($"Nursery day: {single.Count} single-child and {two.Count} two-child photos of faces-dev (" +
            $"{(options.Single is null && options.Two is null ? "every such photo" : "the first of each kind in gt.tsv order")}), {options.Tablets} tablets uploading " +
            $"{(options.IntervalSeconds == 0 ? "back to back" : $"one photo every {options.IntervalSeconds.ToString(C)} s each")}, {options.Children} children " +
            $"with journal consent and the group option, staff tagging only; models {options.Models}; {Environment.ProcessorCount} cores");
        o.WriteLine();
        o.WriteLine("| outcome | single-child | two-child |");
        o.WriteLine("|---|---|---|");
        Row(o, "released untouched, tagged faces shown (pixels)", single, two, r => r.ReleasedWithFacesShown);
        Row(o, "released, but a tagged face not shown", single, two, r => r.Released && !r.ReleasedWithFacesShown);
        Row(o, "waiting for staff (needs-assignment)", single, two, r => r.Status == "needs-assignment");
        Row(o, "held for the manager", single, two, r => r.Status == "held");
        Row(o, "blocked", single, two, r => r.Status == "blocked");
        Row(o, "failed", single, two, r => r.Status == "failed");
        Row(o, "upload refused or not decided in time", single, two, r => r.Status is null);
        o.WriteLine($"| target: released untouched with faces shown | >= 90% | >= 80% |");
        o.WriteLine();

        var reasons = results.Where(r => r.Status is not null and not "released")
            .SelectMany(r => r.Reasons.Select(reason => (Status: r.Status!, Reason: reason, Two: r.Photo.Faces.Count == 2)))
            .GroupBy(x => (x.Status, x.Reason)).OrderBy(g => g.Key.Status, StringComparer.Ordinal).ThenByDescending(g => g.Count()).ToList();
        if (reasons.Count > 0)
        {
            o.WriteLine("Why the others stopped (the manager's review, journal purpose; a photo may have several reasons; numbers shown as #):");
            o.WriteLine();
            o.WriteLine("| status | reason | single-child | two-child |");
            o.WriteLine("|---|---|---|---|");
            foreach (var g in reasons)
            {
                o.WriteLine($"| {g.Key.Status} | {g.Key.Reason.Replace("|", "/", StringComparison.Ordinal)} | {g.Count(x => !x.Two)} | {g.Count(x => x.Two)} |");
            }

            o.WriteLine();
        }

        var problems = results.SelectMany(r => r.PixelProblems.Select(p => $"{r.Photo.RelativePath}: {p}")).ToList();
        foreach (var problem in problems.Take(10))
        {
            o.WriteLine("- not shown: " + problem);
        }

        var shownUnassigned = results.Where(r => r.ShownUnassigned.Count > 0).ToList();
        o.WriteLine($"- released photos where an unassigned detection away from the labelled faces looks unchanged in a family's rendition " +
            $"(a mask filled from a flat background looks unchanged too): {shownUnassigned.Count}" +
            (shownUnassigned.Count > 0 ? " (" + string.Join(", ", shownUnassigned.Take(10).Select(r => Path.GetFileName(r.Photo.RelativePath))) + ")" : ""));
        var released = results.Where(r => r.Released).Select(r => (r.Decided!.Value - r.Sent).TotalSeconds).Order().ToList();
        var decided = results.Where(r => r.Decided is not null).Select(r => (r.Decided!.Value - r.Sent).TotalSeconds).Order().ToList();
        o.WriteLine();
        o.WriteLine("| time | p50 | p95 | max |");
        o.WriteLine("|---|---|---|---|");
        o.WriteLine($"| upload to released ({released.Count} photos) | {P(released, 0.5)} | {P(released, 0.95)} | {P(released, 1)} |");
        o.WriteLine($"| upload to decided, any outcome ({decided.Count} photos) | {P(decided, 0.5)} | {P(decided, 0.95)} | {P(decided, 1)} |");
        o.WriteLine();
        o.WriteLine($"Server peak RSS (VmHWM): {(peakBytes is long p ? (p / (1024.0 * 1024)).ToString("0", C) + " MiB" : "n/a")}. Times are measured from the start of each upload to the first poll (every 250 ms) that saw the status.");
    }

    private static void Row(TextWriter o, string label, List<DayResult> single, List<DayResult> two, Func<DayResult, bool> which) =>
        o.WriteLine($"| {label} | {Share(single, which)} | {Share(two, which)} |");

    private static string Share(List<DayResult> list, Func<DayResult, bool> which)
    {
        int n = list.Count(which);
        return list.Count == 0 ? "-" : $"{n} of {list.Count} ({(100.0 * n / list.Count).ToString("0", C)}%)";
    }

    private static string P(List<double> sorted, double p) =>
        sorted.Count == 0 ? "n/a" : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)].ToString("0.0", C) + " s";
}
