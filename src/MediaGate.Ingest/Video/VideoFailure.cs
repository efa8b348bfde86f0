namespace MediaGate.Ingest.Video;

/// <summary>An expected failure of the video pipeline, returned as a value (never thrown).</summary>
/// <param name="Kind">What went wrong, for code.</param>
/// <param name="Message">What went wrong, for a person.</param>
public sealed record VideoFailure(VideoFailureKind Kind, string Message)
{
    public override string ToString() => $"{Kind}: {Message}";
}
