using MediaGate.Ingest.Detect;
using MediaGate.Ingest.Mask;

namespace MediaGate.Ingest.Video;

/// <summary>The masks of one frame of a clip: every track on screen then (interpolated, with its lead), with the photos' fill.</summary>
internal static class TrackMasks
{
    /// <summary>The mask regions at <paramref name="seconds"/> (the encoder's and the coverage benchmark's one plan).</summary>
    public static IReadOnlyList<MaskRegion> Plan(IReadOnlyList<FaceTrack> tracks, double seconds, VideoOptions options, MaskOptions mask)
    {
        var faces = new List<DetectedFace>();
        foreach (FaceTrack track in tracks)
        {
            if (track.At(seconds, options.LeadSeconds) is { } face)
            {
                faces.Add(face);
            }
        }

        return FaceMasker.Plan(faces, mask);
    }
}
