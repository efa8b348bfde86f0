namespace MediaGate.Api.Endpoints;

/// <summary>The answer of <c>POST /api/tablet/enrolment</c>: the device the id and secret name, so that the tablet says which it became.</summary>
/// <param name="DeviceId">The device's id.</param>
/// <param name="Name">The manager's name for it ("Robins room").</param>
public sealed record TabletEnrolment(string DeviceId, string Name);
