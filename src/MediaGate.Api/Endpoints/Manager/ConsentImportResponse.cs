namespace MediaGate.Api.Endpoints.Manager;

/// <summary>What <c>PUT /api/manager/consents.csv</c> wrote (all of the file or, on any bad row, nothing).</summary>
public sealed record ConsentImportResponse(int NewChildren, int Records);
