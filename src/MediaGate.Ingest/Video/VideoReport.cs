namespace MediaGate.Ingest.Video;

/// <summary>What the pipeline made of one clip.</summary>
/// <param name="Input">The input's facts (size, rate, duration, what it carried that was dropped).</param>
/// <param name="Width">Output width.</param>
/// <param name="Height">Output height.</param>
/// <param name="Frames">Frames written.</param>
/// <param name="Sampled">Frames run through the face detector.</param>
/// <param name="Tracks">The faces followed through the clip (every one masked in the output).</param>
/// <param name="Sound">True when the output carries the clip's sound.</param>
/// <param name="OutputSeconds">The output's duration, read back.</param>
public sealed record VideoReport(
    VideoFacts Input,
    int Width,
    int Height,
    int Frames,
    int Sampled,
    IReadOnlyList<FaceTrack> Tracks,
    bool Sound,
    double OutputSeconds);
