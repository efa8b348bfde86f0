using MediaGate.Gate.Outcomes;

namespace MediaGate.Gate.Uploads;

/// <summary>The refusals of an upload, each with the title the tablet shows.</summary>
internal static class UploadProblems
{
    /// <summary>How long a tablet waits before it sends again an upload refused for want of storage (it keeps its copy).</summary>
    public static readonly TimeSpan RetryLater = TimeSpan.FromSeconds(60);

    public static GateProblem Bad(string detail) => GateProblem.Invalid("Invalid upload", detail);

    public static GateProblem Unsupported(string detail) => GateProblem.UnsupportedMedia("Not a supported image", detail);

    public static GateProblem TooLarge(string detail) => GateProblem.TooLarge("Upload too large", detail);

    public static GateProblem Unavailable(string title, string detail) => GateProblem.Unavailable(title, detail, RetryLater);
}
