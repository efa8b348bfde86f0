namespace MediaGate.Ingest.Video;

/// <summary>
/// Which masked tracks give way to a shown face, as a photo's faint boxes do: in a frame where a track of
/// <paramref name="Yielding"/> (faint, nobody named it) overlaps a shown track by <paramref name="SameFaceOverlap"/> IoU or
/// more, it is that shown face found faintly once more, so it is not masked there (its mask would hide the face the family
/// may see). Everywhere else it is masked as usual; a named or certain track never gives way.
/// </summary>
/// <param name="Yielding">The <see cref="FaceTrack.Id"/>s of the masked tracks that may give way.</param>
/// <param name="Shown">The tracks the rendition shows.</param>
/// <param name="SameFaceOverlap">The IoU at which a faint box is the shown face itself.</param>
public sealed record TrackGiveWay(IReadOnlySet<int> Yielding, IReadOnlyList<FaceTrack> Shown, float SameFaceOverlap);
