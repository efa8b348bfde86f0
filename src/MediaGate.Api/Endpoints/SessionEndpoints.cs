using System.Globalization;
using System.Security.Claims;
using MediaGate.Api.Identity;
using MediaGate.Api.Identity.Contracts;
using MediaGate.Data.Identity;
using MediaGate.Gate.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MediaGate.Api.Endpoints;

/// <summary>
/// Signing in (api.md, Sessions), who am I and signing out (README, Sessions). Refusals are ProblemDetails: 401 for wrong credentials (whatever was wrong),
/// 429 with <c>Retry-After</c> while the attempt must wait after failures from the same place at the same account
/// (<see cref="SignInFlow"/>: growing delays, never a lock-out),
/// 403 for staff outside working hours.
/// </summary>
public static class SessionEndpoints
{
    public static IEndpointRouteBuilder MapSessionEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/session", CreateSessionAsync).AllowAnonymous();
        app.MapPost("/api/tablet/session", CreateTabletSessionAsync).AllowAnonymous();
        app.MapGet("/api/session", GetSessionAsync).RequireAuthorization(Policies.SignedIn);
        app.MapDelete("/api/session", SignOutAsync).RequireAuthorization(Policies.SignedIn);
        return app;
    }

    /// <summary><c>GET /api/session</c>: the presented token's account, role, tablet and expiry (the pages' "who am I").</summary>
    public static async Task<Results<Ok<SessionInfoResponse>, ProblemHttpResult>> GetSessionAsync(
        ClaimsPrincipal user, SessionRegister sessions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(sessions);
        var account = await sessions.AccountAsync(user.AccountId(), cancellationToken).ConfigureAwait(false);
        return account.ToResult(a => TypedResults.Ok(new SessionInfoResponse(a.Id, a.Username, a.Role.ToText(), user.DeviceId(), user.ExpiresAt())));
    }

    /// <summary>
    /// <c>DELETE /api/session</c>: signs the presented token out through <see cref="SessionRegister"/>; every node refuses it
    /// from the next request on (TokenValidationEvents). Audited.
    /// </summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> SignOutAsync(
        ClaimsPrincipal user, SessionRegister sessions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(sessions);
        var outcome = await sessions.SignOutAsync(user.AccountId(), user.TokenId(), user.ExpiresAt(), user.DeviceId(), cancellationToken).ConfigureAwait(false);
        return outcome.ToResult(_ => TypedResults.NoContent());
    }

    /// <summary><c>POST /api/session</c>: Signs a manager or parent in with username and password; answers a bearer token and its expiry. 401 for wrong credentials, whatever was wrong.</summary>
    public static async Task<Results<Ok<SessionResponse>, ProblemHttpResult>> CreateSessionAsync(
        SessionRequest request, SignInFlow signIn, HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(signIn);
        var outcome = await signIn.WithPasswordAsync(request.Username, request.Password, ClientAddresses.Of(context), cancellationToken).ConfigureAwait(false);
        return outcome.Result == SignInResult.SignedIn
            ? TypedResults.Ok(new SessionResponse(outcome.Token!, outcome.Role!))
            : Refusal(outcome, context);
    }

    /// <summary><c>POST /api/tablet/session</c>: Signs a staff member in on a registered tablet (device id and secret, username and PIN); answers a bearer token bound to the device.</summary>
    public static async Task<Results<Ok<TabletSessionResponse>, ProblemHttpResult>> CreateTabletSessionAsync(
        TabletSessionRequest request, SignInFlow signIn, HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(signIn);
        var outcome = await signIn.OnTabletAsync(request.DeviceId, request.DeviceSecret, request.Username, request.Pin, ClientAddresses.Of(context), cancellationToken)
            .ConfigureAwait(false);
        return outcome.Result == SignInResult.SignedIn
            ? TypedResults.Ok(new TabletSessionResponse(outcome.Token!))
            : Refusal(outcome, context);
    }

    private static ProblemHttpResult Refusal(SignInOutcome outcome, HttpContext context)
    {
        switch (outcome.Result)
        {
            case SignInResult.LockedOut:
                int seconds = (int)Math.Ceiling(Math.Max(1, outcome.RetryAfter?.TotalSeconds ?? 1));
                context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                return TypedResults.Problem(
                    $"Too many failed sign-ins. Try again in {seconds} {(seconds == 1 ? "second" : "seconds")}.", statusCode: StatusCodes.Status429TooManyRequests, title: "Locked out");
            case SignInResult.OutsideWorkingHours:
                return TypedResults.Problem(
                    "Staff may sign in only during the setting's working hours.", statusCode: StatusCodes.Status403Forbidden, title: "Outside working hours");
            default:
                return TypedResults.Problem(
                    "The credentials are wrong, or the account or device may not sign in.", statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed");
        }
    }
}
