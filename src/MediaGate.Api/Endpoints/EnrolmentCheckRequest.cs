namespace MediaGate.Api.Endpoints;

/// <summary>The body of <c>POST /api/tablet/enrolment</c>: what was typed into the tablet page at enrolment.</summary>
public sealed record EnrolmentCheckRequest(string? DeviceId, string? DeviceSecret);
