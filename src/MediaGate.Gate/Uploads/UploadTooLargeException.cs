namespace MediaGate.Gate.Uploads;

/// <summary>An upload, or one of its files, passed its limit while it was being read (refused as too large).</summary>
public sealed class UploadTooLargeException : IOException
{
    public UploadTooLargeException()
    {
    }

    public UploadTooLargeException(string message)
        : base(message)
    {
    }

    public UploadTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
