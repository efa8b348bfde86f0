namespace MediaGate.Gate.Outcomes;

/// <summary>Why a use case did nothing: its kind, a title and a detail for the caller, and for some kinds more.</summary>
/// <param name="Kind">What went wrong.</param>
/// <param name="Title">A short summary, the same for every problem of its sort.</param>
/// <param name="Detail">What exactly, for the person who will fix the request; null when the title says it all.</param>
public sealed record GateProblem(GateProblemKind Kind, string Title, string? Detail = null)
{
    /// <summary>The fields at fault, each with its problems (an <see cref="GateProblemKind.Invalid"/> request only).</summary>
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }

    /// <summary>How long the caller should wait before trying again (an <see cref="GateProblemKind.Unavailable"/> one only).</summary>
    public TimeSpan? RetryAfter { get; init; }

    public static GateProblem NotFound(string title, string? detail = null) => new(GateProblemKind.NotFound, title, detail);

    public static GateProblem NotSignedIn(string detail) => new(GateProblemKind.NotSignedIn, "Not signed in", detail);

    public static GateProblem Forbidden(string title, string? detail = null) => new(GateProblemKind.Forbidden, title, detail);

    public static GateProblem Invalid(string title, string? detail = null) => new(GateProblemKind.Invalid, title, detail);

    /// <summary>An invalid request whose problems are named per field.</summary>
    public static GateProblem InvalidFields(IReadOnlyDictionary<string, string[]> errors) =>
        new(GateProblemKind.Invalid, "One or more validation errors occurred.") { Errors = errors };

    public static GateProblem Unprocessable(string title, string? detail = null) => new(GateProblemKind.Unprocessable, title, detail);

    public static GateProblem Conflict(string title, string? detail = null) => new(GateProblemKind.Conflict, title, detail);

    public static GateProblem TooLarge(string title, string? detail = null) => new(GateProblemKind.TooLarge, title, detail);

    public static GateProblem UnsupportedMedia(string title, string? detail = null) => new(GateProblemKind.UnsupportedMedia, title, detail);

    public static GateProblem Unavailable(string title, string? detail, TimeSpan retryAfter) =>
        new(GateProblemKind.Unavailable, title, detail) { RetryAfter = retryAfter };
}
