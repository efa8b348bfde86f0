namespace MediaGate.Gate.Video;

/// <summary>A stored clip is larger than <c>Video:Limits:MaxBytes</c>: the file's fault, never an outage.</summary>
public sealed class VideoTooLargeException : Exception
{
    public VideoTooLargeException()
    {
    }

    public VideoTooLargeException(string message)
        : base(message)
    {
    }

    public VideoTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
