namespace MediaGate.Ingest.Detect;

/// <summary>
/// Turns a merged candidate's evidence (<see cref="FaceCandidate"/>) into one confidence (pure), which the
/// thresholds then split into certain, uncertain and not a face. The first look is the noisy-or of the
/// levels that found it (<see cref="MultiScaleSettings.FuseLevels"/>) or its best score; when the second look
/// ran (<see cref="CascadeSettings"/>), confidence = first^(1 - w) x second^w: a geometric blend, so that a
/// face must convince both looks, and a second look that finds nothing (0) leaves nothing.
/// </summary>
internal static class CandidateJudge
{
    public static float First(FaceCandidate candidate, bool fuseLevels) => fuseLevels ? candidate.Fused : candidate.Best;

    public static float Confidence(FaceCandidate candidate, bool fuseLevels, float cascadeWeight)
    {
        var first = First(candidate, fuseLevels);
        if (cascadeWeight <= 0f || candidate.Rescore is not { } second)
        {
            return first;
        }

        return MathF.Pow(first, 1f - cascadeWeight) * MathF.Pow(Math.Clamp(second, 0f, 1f), cascadeWeight);
    }
}
