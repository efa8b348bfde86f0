using MediaGate.Consent.Decisions;
using MediaGate.Consent.Matrix;

namespace MediaGate.Cli.Tests;

[TestClass]
public sealed class DecisionBenchmarkTests
{
    [TestMethod]
    public void Run_FewIterations_TimesTheDescribedWorkload()
    {
        // Timings are measured, never asserted; what is checked is that the timed work is the described one:
        // a 30-face photo whose journal decision (for child 1's parents) masks the children without group
        // consent or with lapsed consent and releases with the masks (the default, issue 12), and whose approved website decision masks the children
        // without website consent (every 7th) or with lapsed consent (every 11th) and releases.
        var result = DecisionBenchmark.Run(iterations: 10);

        Assert.AreEqual(30, result.Faces);
        Assert.AreEqual(Verdict.Release, result.JournalVerdict);
        Assert.AreEqual(8, result.JournalMaskedFaces);
        Assert.AreEqual(Verdict.Release, result.WebsiteVerdict);
        Assert.AreEqual(7, result.WebsiteMaskedFaces);
    }

    [TestMethod]
    public void GroupPhoto_ThirtyFacesUnderTheBenchMatrix_MasksTheChildrenWithoutGroupOption()
    {
        var item = DecisionBenchmark.GroupPhoto(30);
        var snapshot = DecisionBenchmark.BuildMatrix(200).AsOf(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero), TimeZoneInfo.Utc);
        var request = new DecisionRequest(item, Purpose.Journal, Audience.ParentOf(item.TaggedChildren[1]), false, DecisionOptions.Default);

        var decision = ConsentDecisionEngine.Decide(request, snapshot);

        // Children 0, 5, 10, ... have no group option; 0 and 11 and 22 have lapsed (review date 2026-01-01).
        var masked = decision.Faces.Where(f => f.Visibility == FaceVisibility.Mask).Select(f => f.Face - 1).ToArray();
        CollectionAssert.AreEquivalent(new[] { 0, 5, 10, 11, 15, 20, 22, 25 }, masked);
        Assert.AreEqual(Verdict.Release, decision.Verdict, "journal photos needing masks are released with them by default");
    }
}
