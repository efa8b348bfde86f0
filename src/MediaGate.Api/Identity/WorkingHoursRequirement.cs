using Microsoft.AspNetCore.Authorization;

namespace MediaGate.Api.Identity;

/// <summary>Part of the tablet policy: tablet requests are accepted only within working hours (when configured).</summary>
public sealed class WorkingHoursRequirement : IAuthorizationRequirement;
