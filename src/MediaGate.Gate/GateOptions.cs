using System.ComponentModel.DataAnnotations;
using MediaGate.Consent.Decisions;
using MediaGate.Gate.Worker;

namespace MediaGate.Gate;

/// <summary>
/// The service's upload and processing settings (configuration section <c>Gate</c>), validated when the host
/// starts. The setting's time zone is <c>Nursery:TimeZone</c> and the rendition size <c>Renditions:*</c> (the
/// renditions use case's options); the per-file byte limit is <c>Ingest:Limits:MaxBytes</c>.
/// </summary>
public sealed class GateOptions : IValidatableObject
{
    public const string Section = "Gate";

    /// <summary>The most workers one node may run.</summary>
    public const int MaxWorkers = 16;

    /// <summary>The default <see cref="WorkerCount"/>: the cores this process may use, at most <see cref="MaxWorkers"/>.</summary>
    public static int DefaultWorkerCount => Math.Clamp(Environment.ProcessorCount, 1, MaxWorkers);

    /// <summary>
    /// Items this node processes at once. Default: one per core (at most 16); what they decode at once stays within the
    /// process's one pixel budget (<c>Ingest:PixelsInFlight</c>), so more workers do not mean more memory. 0 = this node
    /// only accepts uploads.
    /// </summary>
    [Range(0, MaxWorkers)]
    public int WorkerCount { get; set; } = DefaultWorkerCount;

    /// <summary>How long a claimed item is this node's before another may take it, in seconds; renewed every third of it. Default 60.</summary>
    [Range(5, 3600)]
    public int LeaseSeconds { get; set; } = 60;

    /// <summary>Claims of one item before it is given up as failed (never released). Default 3.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>
    /// How often an idle worker looks for work, in milliseconds. Default 200: a photo uploaded to an idle node waits at
    /// most that long before it is claimed (a claim is one indexed query; a busy worker claims the next item at once).
    /// </summary>
    [Range(50, 60_000)]
    public int PollMilliseconds { get; set; } = 200;

    /// <summary>What a journal photo that needs masks does (product.md, the setting's option). Default MaskAndRelease: masks
    /// are irreversible (issue 12, section 2); Hold and Block stay available. Masks over staff adults and faint detections
    /// never count for it.</summary>
    public JournalMaskPolicy JournalMasks { get; set; } = JournalMaskPolicy.MaskAndRelease;

    /// <summary>Whether staff adults in a photo are shown or masked (product.md, the setting's option). Default Mask; the mask
    /// never holds a photo by itself.</summary>
    public StaffAdultPolicy StaffAdults { get; set; } = StaffAdultPolicy.Mask;

    /// <summary>Files in one upload. Default 20.</summary>
    [Range(1, 200)]
    public int MaxFilesPerUpload { get; set; } = 20;

    /// <summary>Bytes of one upload request, all files and fields; checked against Content-Length before reading and counted while reading. Default 256 MiB.</summary>
    [Range(1024, 1L << 40)]
    public long MaxUploadBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>
    /// This node's name in the work queue: claims are held as <c>name/pid</c>, and at start a node ends the claims of its
    /// previous life at once. Default: the host name (then only claims of processes no longer running are ended).
    /// </summary>
    public string? NodeName { get; set; }

    /// <summary>Seconds an item waits after its first outage (store or database away) before it is tried again; doubled per outage in a row. Default 2.</summary>
    [Range(1, 3600)]
    public int RetryFirstSeconds { get; set; } = 2;

    /// <summary>The longest wait between tries of an item during an outage, in seconds (jittered to half to all of it). Default 60.</summary>
    [Range(1, 86_400)]
    public int RetryMaxSeconds { get; set; } = 60;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enum.IsDefined(JournalMasks))
        {
            yield return new ValidationResult($"{JournalMasks} is not a journal mask policy", [nameof(JournalMasks)]);
        }

        if (!Enum.IsDefined(StaffAdults))
        {
            yield return new ValidationResult($"{StaffAdults} is not a staff adult policy", [nameof(StaffAdults)]);
        }
    }

    /// <summary>The decision options these settings stand for.</summary>
    public DecisionOptions DecisionOptions => new(JournalMasks, StaffAdults);

    public TimeSpan Lease => TimeSpan.FromSeconds(LeaseSeconds);

    /// <summary>The back-off of items during an outage.</summary>
    public RetryBackoff RetryBackoff => new(TimeSpan.FromSeconds(RetryFirstSeconds), TimeSpan.FromSeconds(Math.Max(RetryFirstSeconds, RetryMaxSeconds)));
}
