using System.Text.Json.Serialization;

namespace MediaGate.Gate.Review;

/// <summary>A face as the manager's review shows it: where it is and whose it is.</summary>
/// <param name="FaceId">The id to assign it by.</param>
/// <param name="Number">1-based, as the reasons name it ("Face 2").</param>
/// <param name="X">Left edge, pixels of the master.</param>
/// <param name="Y">Top edge.</param>
/// <param name="W">Width.</param>
/// <param name="H">Height.</param>
/// <param name="Score">The detector's confidence.</param>
/// <param name="Uncertain">Detected with low confidence: a faint detection (issue 12; the same as <see cref="Faint"/>).</param>
/// <param name="Kind"><c>unassigned</c>, <c>child</c>, <c>staff</c>, <c>not-a-child</c> or <c>not-a-face</c>.</param>
/// <param name="ChildId">The child, for <c>child</c>.</param>
/// <param name="FirstMs">A video's track: its first detection, in ms from the start (absent for photos).</param>
/// <param name="LastMs">A video's track: its last detection (absent for photos).</param>
public sealed record ReviewFace(
    string FaceId, int Number, float X, float Y, float W, float H, float Score, bool Uncertain, string Kind, string? ChildId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? FirstMs = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? LastMs = null)
{
    /// <summary>A faint detection: masked for everyone but the manager, and nobody needs to name it (product.md, "Who is in a photo").</summary>
    public bool Faint => Uncertain;
}
