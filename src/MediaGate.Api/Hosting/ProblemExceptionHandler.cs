using System.Diagnostics;
using System.Globalization;
using MediaGate.Gate.Worker;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace MediaGate.Api.Hosting;

/// <summary>
/// Turns every exception that leaves an endpoint into RFC 9457 ProblemDetails. A bad request that the
/// framework detected (malformed JSON, wrong content type, a body over the limit: <see cref="BadHttpRequestException"/>)
/// keeps its 4xx status and its message, which describes the request. A full disk or database, or a store or database
/// that is away (<see cref="Outages"/>: issue 13), is a 503 with <c>Retry-After</c>: nothing was accepted, and the tablet
/// keeps its copy and tries again. Anything else is a 500 whose body says nothing about the server (no message, no type,
/// no stack), only the trace id to find it in the log.
/// </summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails problem;
        if (exception is BadHttpRequestException bad)
        {
            problem = new ProblemDetails { Status = bad.StatusCode, Title = TitleOf(bad.StatusCode), Detail = bad.Message };
            LogBadRequest(logger, bad.StatusCode, bad.Message);
        }
        else if (Outages.IsOutage(exception) || Outages.IsOutOfSpace(exception))
        {
            bool full = Outages.IsOutOfSpace(exception);
            LogUnavailable(logger, exception, httpContext.Request.Method, httpContext.Request.Path, full);
            httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = full ? "Out of space." : "Temporarily unavailable.",
                Detail = "Nothing was kept. Try again later.",
            };
        }
        else
        {
            // Logged here: since .NET 10 the middleware no longer logs an exception that a handler has handled.
            // The trace id as ProblemDetails gives it to the client (the activity's W3C id), so the two can be matched.
            LogUnexpected(logger, exception, httpContext.Request.Method, httpContext.Request.Path, Activity.Current?.Id ?? httpContext.TraceIdentifier);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "An unexpected error occurred.",
                Detail = "The error was logged; give the trace id to the operator.",
            };
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception })
            .ConfigureAwait(false);
    }

    /// <summary>When a client should try again after a 503: long enough for an operator or a store to come back.</summary>
    private const int RetryAfterSeconds = 60;

    private static string TitleOf(int status) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
        StatusCodes.Status415UnsupportedMediaType => "The request's content type is not supported here.",
        _ => "The request is not valid.",
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected error in {Method} {Path} (trace {TraceId})")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string method, PathString path, string traceId);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} {Path} refused with 503: a store or the database is away or full (full: {Full})")]
    private static partial void LogUnavailable(ILogger logger, Exception exception, string method, PathString path, bool full);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bad request ({Status}): {Reason}")]
    private static partial void LogBadRequest(ILogger logger, int status, string reason);
}
