using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace MediaGate.Api.Identity;

/// <summary>
/// Lets the schemes challenge or forbid as usual (status, <c>WWW-Authenticate</c>), then writes the body as
/// ProblemDetails, so 401 and 403 carry an explanation like every other error (api.md: errors are RFC 9457).
/// </summary>
public sealed class ProblemDetailsAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        await _default.HandleAsync(next, context, policy, authorizeResult).ConfigureAwait(false);
        if (!(authorizeResult.Challenged || authorizeResult.Forbidden) || context.Response.HasStarted)
        {
            return;
        }

        var failure = authorizeResult.AuthorizationFailure;
        bool outsideHours = failure is not null &&
            (failure.FailedRequirements.OfType<WorkingHoursRequirement>().Any() || failure.FailureReasons.Any(r => r.Handler is WorkingHoursAuthorizationHandler));
        (string title, string detail) = context.Response.StatusCode switch
        {
            StatusCodes.Status401Unauthorized => ("Sign-in required", "A valid, unexpired token (or website key) is required."),
            _ when outsideHours => ("Outside working hours", "Staff access is refused outside the setting's working hours."),
            _ => ("Not allowed", "This account may not use this endpoint."),
        };
        await TypedResults.Problem(detail, statusCode: context.Response.StatusCode, title: title).ExecuteAsync(context).ConfigureAwait(false);
    }
}
