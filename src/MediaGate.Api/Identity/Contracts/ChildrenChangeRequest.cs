namespace MediaGate.Api.Identity.Contracts;

/// <summary>The body of <c>PUT /api/manager/accounts/{id}/children</c> (parent accounts): the whole new list.</summary>
public sealed record ChildrenChangeRequest(IReadOnlyList<string?>? Children);
