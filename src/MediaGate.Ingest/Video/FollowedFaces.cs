namespace MediaGate.Ingest.Video;

/// <summary>The faces <see cref="VideoAnonymiser.Follow"/> followed through a clip, with nothing written.</summary>
/// <param name="Input">The input's facts.</param>
/// <param name="Width">The output size's width (the tracks' boxes are in its pixels).</param>
/// <param name="Height">The output size's height.</param>
/// <param name="Sampled">Frames run through the face detector.</param>
/// <param name="Tracks">The faces followed through the clip.</param>
public sealed record FollowedFaces(VideoFacts Input, int Width, int Height, int Sampled, IReadOnlyList<FaceTrack> Tracks);
