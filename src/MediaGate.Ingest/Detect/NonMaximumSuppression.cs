namespace MediaGate.Ingest.Detect;

/// <summary>
/// Greedy non-maximum suppression: keeps the best-scoring box and drops every box that overlaps it too
/// much, then repeats. Used after all scales and tiles are mapped back to the photo, where the same face is
/// usually found more than once.
/// </summary>
internal static class NonMaximumSuppression
{
    /// <param name="candidates">Boxes in one pixel space.</param>
    /// <param name="maxIntersectionOverUnion">Drop a box whose IoU with a kept box exceeds this.</param>
    /// <param name="maxIntersectionOverSmaller">Drop a box that lies inside a kept box by more than this
    /// share of the smaller one's area (a face found again at another scale as a part of itself);
    /// 1 or more disables the rule.</param>
    /// <param name="fuseLevels">When true, a kept box's score becomes the noisy-or of the best score of each
    /// scale level that found it (1 - product of (1 - score)): a face seen at two scales is surer than a
    /// texture that looks like a face at one scale only.</param>
    public static List<ScoredBox> Apply(
        IReadOnlyList<ScoredBox> candidates, float maxIntersectionOverUnion, float maxIntersectionOverSmaller = 1f, bool fuseLevels = false)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var order = candidates.OrderByDescending(c => c.Score).ToList();
        var kept = new List<ScoredBox>();
        var bestPerLevel = new List<Dictionary<int, float>>();
        foreach (var candidate in order)
        {
            var suppressedBy = -1;
            for (var k = 0; k < kept.Count; k++)
            {
                if (kept[k].Box.IntersectionOverUnion(candidate.Box) > maxIntersectionOverUnion
                    || kept[k].Box.IntersectionOverSmaller(candidate.Box) > maxIntersectionOverSmaller)
                {
                    suppressedBy = k;
                    break;
                }
            }

            if (suppressedBy < 0)
            {
                kept.Add(candidate);
                bestPerLevel.Add(new Dictionary<int, float> { [candidate.Level] = candidate.Score });
            }
            else
            {
                // Candidates come best first, so the first score seen per level is that level's best.
                bestPerLevel[suppressedBy].TryAdd(candidate.Level, candidate.Score);
            }
        }

        if (fuseLevels)
        {
            for (var k = 0; k < kept.Count; k++)
            {
                var miss = bestPerLevel[k].Values.Aggregate(1f, (product, score) => product * (1f - score));
                kept[k] = kept[k] with { Score = 1f - miss };
            }

            kept.Sort((a, b) => b.Score.CompareTo(a.Score));
        }

        return kept;
    }

    /// <summary>
    /// Merges every pass's boxes into faces with their evidence: greedy suppression as <see cref="Apply"/>,
    /// best box first; each face keeps its best box and key points, the noisy-or of its levels' best scores and
    /// how many distinct levels found it. Sorted by fused score, best first.
    /// </summary>
    public static List<FaceCandidate> MergeCandidates(IReadOnlyList<ScoredBox> candidates, float maxIntersectionOverUnion, float maxIntersectionOverSmaller)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var order = candidates.OrderByDescending(c => c.Score).ToList();
        var kept = new List<ScoredBox>();
        var bestPerLevel = new List<Dictionary<int, float>>();
        foreach (var candidate in order)
        {
            var suppressedBy = kept.FindIndex(k =>
                k.Box.IntersectionOverUnion(candidate.Box) > maxIntersectionOverUnion
                || k.Box.IntersectionOverSmaller(candidate.Box) > maxIntersectionOverSmaller);
            if (suppressedBy < 0)
            {
                kept.Add(candidate);
                bestPerLevel.Add(new Dictionary<int, float> { [candidate.Level] = candidate.Score });
            }
            else
            {
                bestPerLevel[suppressedBy].TryAdd(candidate.Level, candidate.Score);
            }
        }

        var merged = new List<FaceCandidate>(kept.Count);
        for (var k = 0; k < kept.Count; k++)
        {
            var miss = bestPerLevel[k].Values.Aggregate(1f, (product, score) => product * (1f - score));
            merged.Add(new FaceCandidate(kept[k].Box, 1f - miss, kept[k].Score, bestPerLevel[k].Count, kept[k].Landmarks));
        }

        merged.Sort((a, b) => b.Fused.CompareTo(a.Fused));
        return merged;
    }
}
