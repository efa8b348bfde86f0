using System.Text.Json.Serialization;

namespace MediaGate.Gate.Observations;

/// <summary>A face as the tablet sees it (api.md): box in pixels of the upright master, score, whose it is.</summary>
/// <param name="FaceId">For <c>PUT /api/tablet/media/{id}/faces</c>.</param>
/// <param name="X">Left edge.</param>
/// <param name="Y">Top edge.</param>
/// <param name="W">Width.</param>
/// <param name="H">Height.</param>
/// <param name="Score">The detector's confidence, 0..1.</param>
/// <param name="ChildId">The child assigned, or null.</param>
/// <param name="Kind"><c>unassigned</c>, <c>child</c>, <c>staff</c>, <c>not-a-child</c> or <c>not-a-face</c>.</param>
/// <param name="Uncertain">The same as <paramref name="Faint"/>, kept for clients that read it.</param>
/// <param name="Faint">A faint detection (issue 12): masked unless someone names it as a child with consent, never holds the
/// photo and nobody needs to name it (the page draws it dashed). False: a certain face, which someone must account for
/// unless the single-face rule or matching counts settle it.</param>
/// <param name="FirstMs">A video's track: its first detection, in milliseconds from the start (absent for photos).</param>
/// <param name="LastMs">A video's track: its last detection (absent for photos).</param>
public sealed record FaceView(
    string FaceId, float X, float Y, float W, float H, float Score, string? ChildId, string Kind, bool Uncertain, bool Faint,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? FirstMs = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? LastMs = null);
