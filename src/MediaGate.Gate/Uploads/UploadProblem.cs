namespace MediaGate.Gate.Uploads;

/// <summary>Why an upload was refused, as a ProblemDetails' status, title and detail.</summary>
public sealed record UploadProblem(int Status, string Title, string Detail);
