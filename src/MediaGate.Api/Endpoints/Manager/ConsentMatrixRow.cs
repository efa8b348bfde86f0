namespace MediaGate.Api.Endpoints.Manager;

/// <summary>One child's row of <c>GET /api/manager/consents</c>: a cell per purpose, keyed by the purpose's name.</summary>
public sealed record ConsentMatrixRow(string ChildId, string Name, string? Room, IReadOnlyDictionary<string, ConsentCellResponse> Cells);
