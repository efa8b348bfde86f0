namespace MediaGate.Ingest.Detect;

/// <summary>
/// One face after merging every pass (<see cref="NonMaximumSuppression.MergeCandidates"/>), with the evidence
/// the confidence rules weigh (<see cref="CandidateJudge"/>).
/// </summary>
/// <param name="Box">The best-scoring box, in photo pixels.</param>
/// <param name="Fused">Noisy-or of the best score of each level that found it.</param>
/// <param name="Best">The best single score.</param>
/// <param name="Levels">How many distinct levels (passes at one scale) found it.</param>
/// <param name="Landmarks">The key points of the best box, when the model gives them.</param>
/// <param name="Rescore">The second-stage score on a crop around it (<see cref="CascadeCrop"/>); null when not run.</param>
internal readonly record struct FaceCandidate(FaceBox Box, float Fused, float Best, int Levels, FaceLandmarks? Landmarks, float? Rescore = null);
