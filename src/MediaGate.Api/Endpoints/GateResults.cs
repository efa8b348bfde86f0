using System.Globalization;
using MediaGate.Gate.Outcomes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace MediaGate.Api.Endpoints;

/// <summary>
/// The one place a Gate outcome becomes HTTP: each <see cref="GateProblemKind"/> has its status code here and nowhere
/// else, a problem becomes ProblemDetails (with <c>errors</c> when it names fields), and an unavailable one says when to
/// try again (<c>Retry-After</c>).
/// </summary>
public static class GateResults
{
    /// <summary>The status code a problem of this kind is answered with.</summary>
    public static int StatusOf(GateProblemKind kind) => kind switch
    {
        GateProblemKind.NotFound => StatusCodes.Status404NotFound,
        GateProblemKind.NotSignedIn => StatusCodes.Status401Unauthorized,
        GateProblemKind.Forbidden => StatusCodes.Status404NotFound, // product.md: not even whether it exists
        GateProblemKind.Invalid => StatusCodes.Status400BadRequest,
        GateProblemKind.Unprocessable => StatusCodes.Status422UnprocessableEntity,
        GateProblemKind.Conflict => StatusCodes.Status409Conflict,
        GateProblemKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
        GateProblemKind.UnsupportedMedia => StatusCodes.Status415UnsupportedMediaType,
        GateProblemKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A problem kind with no status code."),
    };

    /// <summary>
    /// The problem as ProblemDetails. <paramref name="response"/> takes the <c>Retry-After</c> header of a problem that has
    /// one; handlers whose use case can answer <see cref="GateProblemKind.Unavailable"/> pass it.
    /// </summary>
    public static ProblemHttpResult ToProblem(this GateProblem problem, HttpResponse? response = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        int status = StatusOf(problem.Kind);
        if (problem.RetryAfter is { } wait && response is not null)
        {
            response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        return problem.Errors is { } errors
            ? TypedResults.Problem(new HttpValidationProblemDetails(errors.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal))
            {
                Status = status,
                Title = problem.Title,
                Detail = problem.Detail,
            })
            : TypedResults.Problem(new ProblemDetails { Status = status, Title = problem.Title, Detail = problem.Detail });
    }

    /// <summary>The value as <paramref name="onSuccess"/> answers it, or the problem as ProblemDetails.</summary>
    public static Results<TResult, ProblemHttpResult> ToResult<T, TResult>(
        this GateOutcome<T> outcome, Func<T, TResult> onSuccess, HttpResponse? response = null)
        where TResult : IResult
    {
        ArgumentNullException.ThrowIfNull(onSuccess);
        return outcome.IsSuccess ? onSuccess(outcome.Value) : outcome.Problem.ToProblem(response);
    }
}
