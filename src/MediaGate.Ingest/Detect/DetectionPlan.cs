namespace MediaGate.Ingest.Detect;

/// <summary>The scale levels and model runs for one photo, coarsest level first.</summary>
internal sealed record DetectionPlan(IReadOnlyList<ScaleLevel> Levels, IReadOnlyList<InferenceWindow> Windows);
