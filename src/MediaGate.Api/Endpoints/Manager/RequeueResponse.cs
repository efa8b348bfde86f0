namespace MediaGate.Api.Endpoints.Manager;

/// <summary>The failed items put back to processing (<c>POST /api/manager/media/requeue</c> or one item's <c>/requeue</c>).</summary>
public sealed record RequeueResponse(IReadOnlyList<string> MediaIds, int Count);
