using System.Security.Claims;
using MediaGate.Api.Identity;

namespace MediaGate.Api.Endpoints.Manager;

/// <summary>Who acts in a manager request, as the audit log names them: the signed-in account.</summary>
internal static class ManagerActor
{
    /// <summary>The account's id; the group's policy guarantees there is one, so "unknown" only marks a bug in the log.</summary>
    public static string Of(ClaimsPrincipal user) => user?.AccountId() ?? "unknown";
}
