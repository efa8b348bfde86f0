using System.Globalization;
using MediaGate.Api.Identity;
using MediaGate.Api.Identity.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MediaGate.Api.Endpoints;

/// <summary>
/// Signing in (api.md, Sessions). Refusals are ProblemDetails: 401 for wrong credentials (whatever was wrong),
/// 429 with <c>Retry-After</c> while a username, device or address is locked out after too many failures,
/// 403 for staff outside working hours.
/// </summary>
public static class SessionEndpoints
{
    public static IEndpointRouteBuilder MapSessionEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/session", CreateSessionAsync).AllowAnonymous();
        app.MapPost("/api/tablet/session", CreateTabletSessionAsync).AllowAnonymous();
        return app;
    }

    public static async Task<Results<Ok<SessionResponse>, ProblemHttpResult>> CreateSessionAsync(
        SessionRequest request, SignInFlow signIn, HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(signIn);
        var outcome = await signIn.WithPasswordAsync(request.Username, request.Password, ClientAddress(context), cancellationToken).ConfigureAwait(false);
        return outcome.Result == SignInResult.SignedIn
            ? TypedResults.Ok(new SessionResponse(outcome.Token!, outcome.Role!))
            : Refusal(outcome, context);
    }

    public static async Task<Results<Ok<TabletSessionResponse>, ProblemHttpResult>> CreateTabletSessionAsync(
        TabletSessionRequest request, SignInFlow signIn, HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(signIn);
        var outcome = await signIn.OnTabletAsync(request.DeviceId, request.DeviceSecret, request.Username, request.Pin, ClientAddress(context), cancellationToken)
            .ConfigureAwait(false);
        return outcome.Result == SignInResult.SignedIn
            ? TypedResults.Ok(new TabletSessionResponse(outcome.Token!))
            : Refusal(outcome, context);
    }

    private static string ClientAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static ProblemHttpResult Refusal(SignInOutcome outcome, HttpContext context)
    {
        switch (outcome.Result)
        {
            case SignInResult.LockedOut:
                int seconds = (int)Math.Ceiling(Math.Max(1, outcome.RetryAfter?.TotalSeconds ?? 1));
                context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                return TypedResults.Problem(
                    $"Too many failed sign-ins. Try again in {seconds} seconds.", statusCode: StatusCodes.Status429TooManyRequests, title: "Locked out");
            case SignInResult.OutsideWorkingHours:
                return TypedResults.Problem(
                    "Staff may sign in only during the setting's working hours.", statusCode: StatusCodes.Status403Forbidden, title: "Outside working hours");
            default:
                return TypedResults.Problem(
                    "The credentials are wrong, or the account or device may not sign in.", statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed");
        }
    }
}
