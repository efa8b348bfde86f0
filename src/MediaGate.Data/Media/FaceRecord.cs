using MediaGate.Consent.Media;

namespace MediaGate.Data.Media;

/// <summary>A detected face of a media item, with whose it is.</summary>
/// <param name="FaceId">Lowercase GUID "N", the API's <c>faceId</c>; fixed once stored.</param>
/// <param name="MediaId">The item.</param>
/// <param name="Number">1-based, in the detector's order ("Face 2").</param>
/// <param name="Box">Pixels of the upright master: top-left corner, width, height.</param>
/// <param name="Score">The detector's confidence, 0..1.</param>
/// <param name="Uncertain">Detected below the confident threshold: masked and held whatever the consent.</param>
/// <param name="Assignment">Whose face it is, as far as anyone has said.</param>
/// <param name="AssignedBy">The account that said so (<c>auto</c> for the one-face-one-child rule); null when nobody has.</param>
/// <param name="AssignedAt">When; null when nobody has.</param>
public sealed record FaceRecord(
    string FaceId,
    string MediaId,
    int Number,
    FaceBox Box,
    float Score,
    bool Uncertain,
    FaceAssignment Assignment,
    string? AssignedBy,
    DateTimeOffset? AssignedAt)
{
    /// <summary>The face as the consent engine sees it.</summary>
    public MediaFace ToMediaFace() => new(Number, Box, Score, Uncertain, Assignment);
}
