using System.Net;
using Azure;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace MediaGate.Storage.AzureBlob;

/// <summary>
/// The Polly pipeline around each blob request, outermost first: retry with exponential back-off and jitter on
/// transient failures, a circuit breaker that fails calls at once while the service keeps failing, and a
/// per-attempt timeout. The SDK's own retries are switched off (<see cref="AzureBlobObjectStore"/>), so this is
/// the only retry policy. Answers such as 404 or 409 are not failures here: they pass straight through.
/// </summary>
internal static partial class BlobResiliencePipeline
{
    public static ResiliencePipeline Build(BlobResilienceOptions options, ILogger logger, TimeProvider timeProvider)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider };
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = ShouldHandle,
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                OnRetry = arguments =>
                {
                    LogRetry(logger, arguments.AttemptNumber + 1, arguments.RetryDelay, arguments.Outcome.Exception?.GetType().Name ?? "none");
                    return default;
                },
            });
        }

        return builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = ShouldHandle,
                FailureRatio = options.CircuitFailureRatio,
                MinimumThroughput = options.CircuitMinimumThroughput,
                SamplingDuration = options.CircuitSamplingDuration,
                BreakDuration = options.CircuitBreakDuration,
                OnOpened = arguments =>
                {
                    LogOpened(logger, arguments.BreakDuration);
                    return default;
                },
                OnClosed = _ =>
                {
                    LogClosed(logger);
                    return default;
                },
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();
    }

    /// <summary>
    /// A transient failure, or a cancellation that the caller did not ask for (the SDK's own network timeout
    /// cancels a stalled request; that is the service failing, not the caller giving up).
    /// </summary>
    private static ValueTask<bool> ShouldHandle(RetryPredicateArguments<object> arguments) =>
        ValueTask.FromResult(IsFailure(arguments.Outcome.Exception, arguments.Context.CancellationToken));

    private static ValueTask<bool> ShouldHandle(CircuitBreakerPredicateArguments<object> arguments) =>
        ValueTask.FromResult(IsFailure(arguments.Outcome.Exception, arguments.Context.CancellationToken));

    private static bool IsFailure(Exception? exception, CancellationToken callerToken) =>
        exception is not null && (IsTransient(exception) || exception is OperationCanceledException && !callerToken.IsCancellationRequested);

    /// <summary>Worth another attempt: the network failed, the attempt timed out, or the service said "busy" or "broken".</summary>
    internal static bool IsTransient(Exception exception) => exception switch
    {
        RequestFailedException { Status: 0 } => true,
        RequestFailedException { Status: (int)HttpStatusCode.RequestTimeout or (int)HttpStatusCode.TooManyRequests } => true,
        RequestFailedException { Status: >= 500 and not (int)HttpStatusCode.NotImplemented and not (int)HttpStatusCode.HttpVersionNotSupported } => true,
        TimeoutRejectedException or HttpRequestException or IOException => true,
        _ => false,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Blob store attempt failed with {Failure}; retry {Retry} in {Delay}")]
    private static partial void LogRetry(ILogger logger, int retry, TimeSpan delay, string failure);

    [LoggerMessage(Level = LogLevel.Error, Message = "Blob store circuit opened for {BreakDuration}: calls fail at once")]
    private static partial void LogOpened(ILogger logger, TimeSpan breakDuration);

    [LoggerMessage(Level = LogLevel.Information, Message = "Blob store circuit closed again")]
    private static partial void LogClosed(ILogger logger);
}
