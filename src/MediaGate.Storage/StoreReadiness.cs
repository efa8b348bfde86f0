namespace MediaGate.Storage;

/// <summary>The answer of a store's readiness probe (for <c>/health/ready</c>). <see cref="Problem"/> never holds secrets.</summary>
public sealed record StoreReadiness(bool IsReady, string? Problem)
{
    public static StoreReadiness Ready { get; } = new(true, null);

    public static StoreReadiness NotReady(string problem) => new(false, problem);
}
