namespace MediaGate.Service.Tests.NurseryDay;

/// <summary>
/// issue 12, section 4: a small nursery day in CI. The first 8 single-face and the first 4 two-face photos of
/// faces-dev (gt.tsv order, a fixed rule) go up from two tablets to a real <c>mediagate serve</c>, each tagged with
/// one child per labelled face; every child has journal consent with the group option; staff only tag, nobody
/// names a face and the manager does nothing. What the rules guarantee (product.md, "Who is in a photo", "The
/// decision"): nothing waits for the manager; a photo is released without anyone exactly when one tagged child meets
/// exactly one candidate or the certain faces are as many as the tagged children (else the tablet asks); and what is
/// released shows the tagged children's faces, on the pixels.
/// </summary>
[TestClass]
public sealed class NurseryDayTests : ServiceTest
{
    [TestMethod]
    [Timeout(600_000, CooperativeCancellation = true)]
    public async Task Serve_NurseryDayWithStaffTaggingOnly_ReleasesWithoutAnyoneAndShowsTheTaggedFaces()
    {
        var all = LabelledPhoto.LoadAll(MediaGate.Tests.TestPaths.FacesDev);
        var photos = LabelledPhoto.WithFaces(all, 1).Take(8).Concat(LabelledPhoto.WithFaces(all, 2).Take(4)).ToList();
        var work = NewWorkFolder("nursery-day");
        await using var service = await ServiceProcess.StartAsync(ServiceSettings.Embedded(work, "day", Models));
        using var nursery = await DayNursery.CreateAsync(service.Address, childCount: 6, tabletCount: 2);
        var player = new DayPlayer(nursery, TimeSpan.FromMinutes(8), TimeSpan.Zero) { Progress = TestContext.WriteLine };

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

            bool singleRule = r.Photo.Faces.Count == 1 && r.Faces.Count == 1;
            bool countsMatch = r.Faces.Count(f => !f.Faint) == r.Photo.Faces.Count;
            if ((singleRule || countsMatch) && !r.Released)
            {
                failures.Add($"{(singleRule ? "one tagged child and one candidate" : "as many certain faces as tagged children")} but not released: " + name);
            }

            if (!singleRule && !countsMatch && r.Released)
            {
                failures.Add("released though no rule lets the tags name its faces: " + name);
            }

            failures.AddRange(r.PixelProblems.Select(p => $"released with a tagged face not shown: {name}: {p}"));
        }

        TestContext.WriteLine($"released {results.Count(r => r.Released)} of {results.Count}; waiting for staff {results.Count(r => r.Status == "needs-assignment")}");
        Assert.IsEmpty(failures, string.Join("\n", failures));
    }
}
