using System.Diagnostics;
using System.Globalization;
using MediaGate.Consent.Decisions;
using MediaGate.Consent.Matrix;
using MediaGate.Consent.Media;
using MediaGate.Consent.People;

namespace MediaGate.Cli;

/// <summary>
/// Times the decision for a 30-face group photo under a 200-child matrix (issue 3: "well under a
/// millisecond"). A Stopwatch loop after warm-up; the bench command or the CLI's <c>consent bench</c> prints it.
/// </summary>
internal static class DecisionBenchmark
{
    private static readonly DateTimeOffset Moment = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    public static DecisionBenchmarkResult Run(int iterations = 20_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        var matrix = BuildMatrix(200);
        var snapshot = matrix.AsOf(Moment, TimeZoneInfo.Utc);
        var item = GroupPhoto(30);
        var journal = new DecisionRequest(item, Purpose.Journal, Audience.ParentOf(item.TaggedChildren[1]), false, DecisionOptions.Default);
        var website = new DecisionRequest(item, Purpose.Website, Audience.Public, true, DecisionOptions.Default);

        var decision = Time(iterations, () => ConsentDecisionEngine.Decide(journal, snapshot).Verdict);
        var websiteDecision = Time(iterations, () => ConsentDecisionEngine.Decide(website, snapshot).Verdict);
        var snapshotTime = Time(Math.Max(1, iterations / 20), () => matrix.AsOf(Moment, TimeZoneInfo.Utc).Today.Day);

        // What was timed, so that a reader (and a test) can see the workload is the one described.
        var journalOutcome = ConsentDecisionEngine.Decide(journal, snapshot);
        var websiteOutcome = ConsentDecisionEngine.Decide(website, snapshot);
        return new DecisionBenchmarkResult(iterations, decision, websiteDecision, snapshotTime)
        {
            Faces = item.Faces.Count,
            JournalVerdict = journalOutcome.Verdict,
            JournalMaskedFaces = journalOutcome.Faces.Count(f => f.Visibility == FaceVisibility.Mask),
            WebsiteVerdict = websiteOutcome.Verdict,
            WebsiteMaskedFaces = websiteOutcome.Faces.Count(f => f.Visibility == FaceVisibility.Mask),
        };
    }

    /// <summary>200 children; most grant everything, some refuse group sharing, website, or have lapsed.</summary>
    internal static ConsentMatrix BuildMatrix(int childCount)
    {
        var children = new List<Child>();
        var records = new List<ConsentRecord>();
        for (var i = 0; i < childCount; i++)
        {
            var id = Id(i);
            children.Add(new Child(id, "Child " + id.Value));
            foreach (var purpose in PurposeNames.All)
            {
                var granted = !(purpose == Purpose.Website && i % 7 == 0);
                var lapses = i % 11 == 0 ? new DateOnly(2026, 1, 1) : new DateOnly(2026, 9, 1);
                records.Add(new ConsentRecord(id, purpose, granted, i % 5 != 0, "Parent of " + id.Value, "FORM-" + id.Value,
                    new DateOnly(2025, 9, 1), lapses, null, Moment.AddDays(-100)));
            }
        }

        return ConsentMatrix.Create(children, records);
    }

    internal static MediaItem GroupPhoto(int faces)
    {
        var tagged = Enumerable.Range(0, faces).Select(Id).ToArray();
        var found = tagged.Select((child, i) => new MediaFace(i + 1, new FaceBox(i * 40, 100, 36, 36), 0.9f, false, FaceAssignment.ToChild(child))).ToArray();
        return new MediaItem(new MediaItemId("bench"), tagged, found, MediaKind.Photo);
    }

    private static ChildId Id(int i) => new("c" + i.ToString("000", CultureInfo.InvariantCulture));

    private static double Time<T>(int iterations, Func<T> work)
    {
        var sink = default(T);
        for (var i = 0; i < Math.Min(iterations, 2_000); i++)
        {
            sink = work();
        }

        var watch = Stopwatch.StartNew();
        for (var i = 0; i < iterations; i++)
        {
            sink = work();
        }

        watch.Stop();
        GC.KeepAlive(sink);
        return watch.Elapsed.TotalMicroseconds / iterations;
    }
}
