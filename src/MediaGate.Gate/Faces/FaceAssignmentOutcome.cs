using MediaGate.Gate.Observations;

namespace MediaGate.Gate.Faces;

/// <summary>What an assignment did: the item re-decided, or why nothing was done (and the HTTP status it stands for).</summary>
public sealed record FaceAssignmentOutcome
{
    private FaceAssignmentOutcome(MediaItemView? item, int status, string? problem)
    {
        Item = item;
        Status = status;
        Problem = problem;
    }

    /// <summary>The item after its re-decision; null when nothing was done.</summary>
    public MediaItemView? Item { get; }

    /// <summary>200 done, 400 invalid, 404 not found (or not the caller's), 409 not processed yet, or a face the manager named.</summary>
    public int Status { get; }

    public string? Problem { get; }

    public static FaceAssignmentOutcome NotFound { get; } = new(null, 404, "There is no such item.");

    public static FaceAssignmentOutcome Done(MediaItemView item) => new(item, 200, null);

    public static FaceAssignmentOutcome Invalid(string problem) => new(null, 400, problem);

    public static FaceAssignmentOutcome NotReady(string problem) => new(null, 409, problem);
}
