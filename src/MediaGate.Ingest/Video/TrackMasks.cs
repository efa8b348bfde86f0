using MediaGate.Ingest.Detect;
using MediaGate.Ingest.Mask;

namespace MediaGate.Ingest.Video;

/// <summary>
/// The masks of one frame of a clip: every track on screen then (interpolated, with its lead), with the photos' fill, less
/// the yielding tracks that give way to a shown face there (<see cref="TrackGiveWay"/>). The one plan of the anonymiser,
/// the renderer and the coverage benchmark.
/// </summary>
internal static class TrackMasks
{
    /// <summary>The mask regions at <paramref name="seconds"/>.</summary>
    public static IReadOnlyList<MaskRegion> Plan(IReadOnlyList<FaceTrack> tracks, double seconds, double leadSeconds, MaskOptions mask, TrackGiveWay? giveWay = null)
    {
        var faces = new List<DetectedFace>();
        foreach (FaceTrack track in tracks)
        {
            if (track.At(seconds, leadSeconds) is { } face && !GivesWay(track, face, seconds, leadSeconds, giveWay))
            {
                faces.Add(face);
            }
        }

        return FaceMasker.Plan(faces, mask);
    }

    /// <summary>Whether <paramref name="track"/>'s box at this time is a shown face found faintly again (<see cref="TrackGiveWay"/>).</summary>
    private static bool GivesWay(FaceTrack track, DetectedFace face, double seconds, double leadSeconds, TrackGiveWay? giveWay)
    {
        if (giveWay is null || !giveWay.Yielding.Contains(track.Id))
        {
            return false;
        }

        var box = new FaceBox(face.X, face.Y, face.Width, face.Height);
        return giveWay.Shown.Any(shown => shown.At(seconds, leadSeconds) is { } s
            && new FaceBox(s.X, s.Y, s.Width, s.Height).IntersectionOverUnion(box) >= giveWay.SameFaceOverlap);
    }
}
