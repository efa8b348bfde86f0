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
        var records = new DetectedFaceRecord[faces.Count];
        for (var i = 0; i < faces.Count; i++)
        {
            var face = faces[i];
            records[i] = new DetectedFaceRecord(i + 1, new ConsentFaceBox(face.X, face.Y, face.Width, face.Height), face.Score, face.Uncertain);
        }

        return records;
    }
}
