using MediaGate.Data.Media;
using MediaGate.Ingest.Detect;
using ConsentFaceBox = MediaGate.Consent.Media.FaceBox;

namespace MediaGate.Gate;

/// <summary>
/// The one place a face the detector found becomes a face the consent engine and the database know
/// (issue 7, section 1: "one mapping from a detected face to the consent engine's face"). Numbers are
/// 1-based in the detector's order; boxes stay in pixels of the upright master; an uncertain face stays uncertain.
/// </summary>
public static class FaceMapping
{
    public static IReadOnlyList<DetectedFaceRecord> ToRecords(IReadOnlyList<DetectedFace> faces)
    {
        ArgumentNullException.ThrowIfNull(faces);
        // Numbered left to right (by the box's centre, then top to bottom), as people read a photo: staff who take
        // "Face 1" for the leftmost face must not name the wrong child (detection order ran 3, 1, 2 across a photo).
        var ordered = faces.OrderBy(f => f.X + (f.Width / 2)).ThenBy(f => f.Y + (f.Height / 2)).ToList();
        var records = new DetectedFaceRecord[ordered.Count];
        for (var i = 0; i < ordered.Count; i++)
        {
            var face = ordered[i];
            records[i] = new DetectedFaceRecord(i + 1, new ConsentFaceBox(face.X, face.Y, face.Width, face.Height), face.Score, face.Uncertain);
        }

        return records;
    }
}
