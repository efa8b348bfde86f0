namespace MediaGate.Ingest.Video;

/// <summary>What ffprobe says about a clip, after bounds checks: the coded size, the rotation the player
/// would apply, the frame rate, the duration, and what the container carried that the output will not.</summary>
/// <param name="Codec">ffprobe's codec_name of the video stream.</param>
/// <param name="Width">Coded width.</param>
/// <param name="Height">Coded height.</param>
/// <param name="Rotation">Rotation in degrees from the display matrix or the rotate tag (0, 90, 180, 270).</param>
/// <param name="FrameRateNumerator">Average frame rate, numerator.</param>
/// <param name="FrameRateDenominator">Average frame rate, denominator.</param>
/// <param name="DurationSeconds">The container's duration.</param>
/// <param name="HasAudio">True when the clip has an audio stream.</param>
/// <param name="Dropped">What the output will not carry: tag names, extra streams.</param>
public sealed record VideoFacts(
    string Codec,
    int Width,
    int Height,
    int Rotation,
    int FrameRateNumerator,
    int FrameRateDenominator,
    double DurationSeconds,
    bool HasAudio,
    IReadOnlyList<string> Dropped)
{
    public double FrameRate => FrameRateNumerator / (double)FrameRateDenominator;

    /// <summary>Width once the rotation is applied to the pixels.</summary>
    public int UprightWidth => Rotation is 90 or 270 ? Height : Width;

    /// <summary>Height once the rotation is applied to the pixels.</summary>
    public int UprightHeight => Rotation is 90 or 270 ? Width : Height;
}
