namespace MediaGate.Ingest.Detect;

/// <summary>
/// Greedy non-maximum suppression: keeps the best-scoring box and drops every box that overlaps it too
/// much, then repeats. Used per window and again after all scales and tiles are mapped back to the image,
/// where the same face is usually found more than once.
/// </summary>
internal static class NonMaximumSuppression
{
    /// <param name="candidates">Boxes in one pixel space.</param>
    /// <param name="maxIntersectionOverUnion">Drop a box whose IoU with a kept box exceeds this.</param>
    /// <param name="maxIntersectionOverSmaller">Drop a box that lies inside a kept box by more than this
    /// share of the smaller one's area (a face found again at another scale as a part of itself);
    /// 1 or more disables the rule.</param>
    public static List<ScoredBox> Apply(
        IReadOnlyList<ScoredBox> candidates, float maxIntersectionOverUnion, float maxIntersectionOverSmaller = 1f)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var order = candidates.OrderByDescending(c => c.Score).ToList();
        var kept = new List<ScoredBox>();
        foreach (var candidate in order)
        {
            var suppressed = false;
            foreach (var k in kept)
            {
                if (k.Box.IntersectionOverUnion(candidate.Box) > maxIntersectionOverUnion
                    || k.Box.IntersectionOverSmaller(candidate.Box) > maxIntersectionOverSmaller)
                {
                    suppressed = true;
                    break;
                }
            }

            if (!suppressed)
            {
                kept.Add(candidate);
            }
        }

        return kept;
    }
}
