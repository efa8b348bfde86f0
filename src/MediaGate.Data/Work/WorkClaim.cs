namespace MediaGate.Data.Work;

/// <summary>
/// A piece of work one node holds until its lease runs out. The token fences it: once the lease has run out
/// and another node has claimed the item again, this claim can neither renew nor complete it.
/// </summary>
/// <param name="Id">The item's id (for example a media id).</param>
/// <param name="Kind">What is to be done (for example <c>process</c>).</param>
/// <param name="Token">This claim's own token.</param>
/// <param name="Attempt">1 for the first claim of the item, 2 when it is tried again, ... (outages not counted).</param>
/// <param name="Outages">How often the item was given back because a store or the database was away (its back-off grows with it).</param>
public sealed record WorkClaim(string Id, string Kind, string Token, int Attempt, int Outages = 0);
