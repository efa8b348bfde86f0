using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace MediaGate.Api.Hosting;

/// <summary>
/// Turns every exception that leaves an endpoint into RFC 9457 ProblemDetails. A bad request that the
/// framework detected (malformed JSON, wrong content type, a body over the limit: <see cref="BadHttpRequestException"/>)
/// keeps its 4xx status and its message, which describes the request; anything else is a 500 whose body
/// says nothing about the server (no message, no type, no stack), only the trace id to find it in the log.
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

    private static string TitleOf(int status) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
        StatusCodes.Status415UnsupportedMediaType => "The request's content type is not supported here.",
        _ => "The request is not valid.",
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected error in {Method} {Path} (trace {TraceId})")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string method, PathString path, string traceId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bad request ({Status}): {Reason}")]
    private static partial void LogBadRequest(ILogger logger, int status, string reason);
}
