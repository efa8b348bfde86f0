using MediaGate.Gate.Dashboard;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MediaGate.Api.Endpoints.Manager;

/// <summary>
/// <c>GET /api/manager/dashboard?days=14</c> (README; issue 8, section 3). Mapped inside the <c>/api/manager</c>
/// group (manager policy). Computed by <see cref="ManagerDashboard"/>; reads only.
/// </summary>
public static class ManagerDashboardEndpoints
{
    private const int DefaultDays = 14;

    public static RouteGroupBuilder MapManagerDashboardEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("/dashboard", ReadAsync);
        return group;
    }

    /// <summary>200 with the dashboard; 400 when <c>days</c> is not 1 to <see cref="ManagerDashboard.MaxDays"/>.</summary>
    public static async Task<Results<Ok<DashboardView>, ProblemHttpResult>> ReadAsync(ManagerDashboard dashboard, CancellationToken cancellationToken, int? days = null)
    {
        ArgumentNullException.ThrowIfNull(dashboard);
        if (days is < 1 or > ManagerDashboard.MaxDays)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest, title: "Invalid period.", detail: $"'days' is 1 to {ManagerDashboard.MaxDays}.");
        }

        return TypedResults.Ok(await dashboard.ReadAsync(days ?? DefaultDays, cancellationToken).ConfigureAwait(false));
    }
}
