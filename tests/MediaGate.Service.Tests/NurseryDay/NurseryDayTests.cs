namespace MediaGate.Service.Tests.NurseryDay;

/// <summary>
/// issue 12, section 4: a small nursery day in CI. The first 8 single-face and the first 4 two-face photos of
/// faces-dev (gt.tsv order, a fixed rule), and one two-face photo with one certain and one faint face, go up from two tablets to a real <c>mediagate serve</c>, each tagged with
/// one child per labelled face; every child has journal consent with the group option; staff only tag, nobody
/// names a face and the manager does nothing. What the rules guarantee (product.md, "Who is in a photo", "The
/// decision", "Masking"): nothing waits for the manager; a photo is released without anyone exactly when one tagged
/// child meets exactly one candidate, the certain faces are as many as the tagged children, or there are fewer certain
/// faces but exactly as many candidates of any strength (else the tablet asks); a released photo shows, in every tagged family's rendition, the faces the tags name (on the pixels), and
/// masks a faint detection on a real face. Whether the detector finds the labelled faces is measured by
/// eng/day.sh, not asserted here.
/// </summary>
[TestClass]
public sealed class NurseryDayTests : ServiceTest
{
    [TestMethod]
    [Timeout(600_000, CooperativeCancellation = true)]
    public async Task Serve_NurseryDayWithStaffTaggingOnly_ReleasesExactlyWhereTheRulesSayAndShowsTheNamedFaces()
    {
        var all = LabelledPhoto.LoadAll(TestPaths.FacesDev);
        // Plus one two-face photo whose second face the verifier does not confirm (`./mediagate detect --models ../shared/models`:
        // one certain face and one faint, 2026-12-07), so the rule for as many faces of any strength as tagged children runs too.
        var photos = LabelledPhoto.WithFaces(all, 1).Take(8).Concat(LabelledPhoto.WithFaces(all, 2).Take(4))
            .Concat(all.Where(p => p.RelativePath.EndsWith("37_Soccer_Soccer_37_50.jpg", StringComparison.Ordinal))).ToList();
        Assert.AreEqual(13, photos.Count, "faces-dev holds the 12 photos of the fixed rule and 37_Soccer_Soccer_37_50");
        var work = NewWorkFolder("nursery-day");
        await using var service = await ServiceProcess.StartAsync(ServiceSettings.Embedded(work, "day", Models));
        using var nursery = await DayNursery.CreateAsync(service.Address, childCount: 6, tabletCount: 2);
        var player = new DayPlayer(nursery, TimeSpan.FromMinutes(8), TimeSpan.Zero) { Progress = TestContext.WriteLine, RenditionChecks = CheckRendition };

        var results = await player.PlayAsync(photos);

        var failures = new List<string>();
        foreach (var r in results)
        {
            var name = $"{r.Photo.RelativePath} ({r.Photo.Faces.Count} tagged, status {r.Status ?? r.UploadError ?? "not decided"}, " +
                $"faces {string.Join(" ", r.Faces.Select(f => $"{f.Score:0.00}{(f.Faint ? "f" : "")}"))}, reasons: {string.Join("; ", r.Reasons)})";
            if (r.Status is not ("released" or "needs-assignment"))
            {
                failures.Add("stopped for the manager or not decided: " + name);
                continue;
            }

            bool singleRule = SingleRule(r);
            bool countsMatch = r.Faces.Count(f => !f.Faint) == r.Photo.Faces.Count || EveryCandidateNamed(r);
            if ((singleRule || countsMatch) && !r.Released)
            {
                failures.Add($"{(singleRule ? "one tagged child and one candidate" : "as many certain faces, or candidates, as tagged children")} but not released: " + name);
            }

            if (!singleRule && !countsMatch && r.Released)
            {
                failures.Add("released though no rule lets the tags name its faces: " + name);
            }

            failures.AddRange(r.RuleProblems.Select(p => $"{name}: {p}"));
        }

        TestContext.WriteLine($"released {results.Count(r => r.Released)} of {results.Count}, of which with every labelled face shown " +
            $"{results.Count(r => r.ReleasedWithFacesShown)}; waiting for staff {results.Count(r => r.Status == "needs-assignment")}");
        Assert.IsEmpty(failures, string.Join("\n", failures));
    }

    private static bool SingleRule(DayResult r) => r.Photo.Faces.Count == 1 && r.Faces.Count == 1;

    /// <summary>Fewer certain faces than tagged children, but exactly as many candidates of any strength: the tags name them all.</summary>
    private static bool EveryCandidateNamed(DayResult r) => r.Faces.Count(f => !f.Faint) < r.Photo.Faces.Count && r.Faces.Count == r.Photo.Faces.Count;

    /// <summary>
    /// The faces the tags name (the single candidate, every candidate when they match the tags, or else the certain faces) are shown; a faint
    /// detection on a labelled face is masked. A box whose core lies under another kind's mask (the box grown 1.5x,
    /// product.md "Masking") is left out: there the mask decides the pixels, whoever is under it.
    /// </summary>
    private static IEnumerable<string> CheckRendition(DayResult r, FacePixels pixels)
    {
        var named = SingleRule(r) || EveryCandidateNamed(r) ? r.Faces : r.Faces.Where(f => !f.Faint).ToList();
        var others = r.Faces.Except(named).ToList();
        foreach (var face in named.Where(n => !others.Any(o => Intersect(n.Box.Core(0.6), o.Box.Grown(1.5)))))
        {
            var view = DayPlayer.View(face.Box);
            if (Measurable(pixels, view) && !pixels.IsShown(view))
            {
                yield return $"a face the tags name (score {face.Score:0.00}) is not shown: {pixels.Describe(view)}";
            }
        }

        var faintOnFaces = others.Where(f => r.Photo.Faces.Any(l => DayPlayer.Overlaps(l, f.Box)));
        foreach (var face in faintOnFaces.Where(f => !named.Any(n => Intersect(f.Box.Core(0.6), n.Box.Grown(1.5)))))
        {
            var view = DayPlayer.View(face.Box);
            if (Measurable(pixels, view) && !pixels.IsMasked(view))
            {
                yield return $"a faint detection on a labelled face (score {face.Score:0.00}) is not masked: {pixels.Describe(view)}";
            }
        }
    }

    private static bool Intersect(PixelBox a, PixelBox b) => a.X < b.X + b.W && b.X < a.X + a.W && a.Y < b.Y + b.H && b.Y < a.Y + a.H;

    /// <summary>At least a few rendition pixels inside the box's core (a tiny box cannot be judged either way).</summary>
    private static bool Measurable(FacePixels pixels, FaceView face)
    {
        try
        {
            _ = pixels.Difference(face);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
