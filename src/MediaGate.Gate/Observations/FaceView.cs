namespace MediaGate.Gate.Observations;

/// <summary>A face as the tablet sees it (api.md): box in pixels of the upright master, score, whose it is.</summary>
/// <param name="FaceId">For <c>PUT /api/tablet/media/{id}/faces</c>.</param>
/// <param name="X">Left edge.</param>
/// <param name="Y">Top edge.</param>
/// <param name="W">Width.</param>
/// <param name="H">Height.</param>
/// <param name="Score">The detector's confidence, 0..1.</param>
/// <param name="ChildId">The child assigned, or null.</param>
/// <param name="Kind"><c>unassigned</c>, <c>child</c>, <c>staff</c> or <c>not-a-child</c>.</param>
/// <param name="Uncertain">Detected with low confidence (masked and held whatever anyone says).</param>
public sealed record FaceView(string FaceId, float X, float Y, float W, float H, float Score, string? ChildId, string Kind, bool Uncertain);
