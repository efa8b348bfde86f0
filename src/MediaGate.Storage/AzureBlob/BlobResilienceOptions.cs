using System.ComponentModel.DataAnnotations;

namespace MediaGate.Storage.AzureBlob;

/// <summary>
/// Polly settings around every blob request (<see cref="BlobResiliencePipeline"/>). A call fails with
/// <see cref="ObjectStoreFailureKind.Unavailable"/> after at most (1 + retries) attempts of at most
/// <see cref="AttemptTimeout"/> each plus the back-off delays, or at once while the circuit is open.
/// </summary>
public sealed class BlobResilienceOptions
{
    /// <summary>Retries after a transient failure (network error, timeout, 408, 429, 5xx); default 3, 0 to 10.</summary>
    [Range(0, 10)]
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>First back-off delay, doubled per retry with jitter; default 200 ms.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Time limit of one attempt (one request, e.g. one 4 MiB block); default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Share of failed attempts within <see cref="CircuitSamplingDuration"/> that opens the circuit; default 0.5.</summary>
    [Range(0.01, 1.0)]
    public double CircuitFailureRatio { get; set; } = 0.5;

    /// <summary>Attempts needed within the sampling window before the circuit may open; default 10, at least 2.</summary>
    [Range(2, 10_000)]
    public int CircuitMinimumThroughput { get; set; } = 10;

    /// <summary>The window over which failures are counted; default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "01:00:00")]
    public TimeSpan CircuitSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the circuit stays open (calls fail at once) before one trial attempt; default 15 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "01:00:00")]
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(15);
}
