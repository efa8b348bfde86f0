namespace MediaGate.Gate.Review;

/// <summary>What a review decision did: the item as it now stands, or why nothing was done.</summary>
/// <param name="Item">The item after the decision; null when not found or invalid.</param>
/// <param name="NotFound">No such item (404).</param>
/// <param name="Problem">Why the decision cannot be applied (400).</param>
public sealed record ReviewOutcome(ReviewQueueItem? Item, bool NotFound = false, string? Problem = null)
{
    public static ReviewOutcome Missing { get; } = new(null, NotFound: true);

    public static ReviewOutcome Invalid(string problem) => new(null, Problem: problem);
}
