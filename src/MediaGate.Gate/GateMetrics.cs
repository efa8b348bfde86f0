using System.Diagnostics.Metrics;
using MediaGate.Data.Media;

namespace MediaGate.Gate;

/// <summary>
/// What an operator watches (issue 7, section 1): uploads, items by outcome, time from upload to decision,
/// review queue length. Meter <c>MediaGate</c>; the host's OpenTelemetry exports it.
/// </summary>
public sealed class GateMetrics
{
    public const string MeterName = "MediaGate";

    private readonly Counter<long> _uploads;
    private readonly Counter<long> _uploadedItems;
    private readonly Counter<long> _decided;
    private readonly Histogram<double> _uploadToDecision;
    private long _reviewQueueLength;

    public GateMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _uploads = meter.CreateCounter<long>("mediagate.uploads", "{upload}", "Uploads accepted (observations)");
        _uploadedItems = meter.CreateCounter<long>("mediagate.uploads.items", "{item}", "Media items accepted");
        _decided = meter.CreateCounter<long>("mediagate.items.decided", "{item}", "Items decided, by outcome (the item's status)");
        _uploadToDecision = meter.CreateHistogram<double>("mediagate.upload_to_decision.duration", "s", "From an upload's acceptance to its item's first decision");
        meter.CreateObservableGauge("mediagate.review_queue.length", () => Interlocked.Read(ref _reviewQueueLength), "{item}", "Held and blocked items waiting for the manager");
    }

    /// <summary>The review queue length as last counted.</summary>
    public long ReviewQueueLength => Interlocked.Read(ref _reviewQueueLength);

    public void UploadAccepted(int items)
    {
        _uploads.Add(1);
        _uploadedItems.Add(items);
    }

    public void ItemDecided(MediaStatus outcome, TimeSpan? sinceUpload)
    {
        _decided.Add(1, new KeyValuePair<string, object?>("outcome", outcome.Name()));
        if (sinceUpload is { } elapsed)
        {
            _uploadToDecision.Record(Math.Max(0, elapsed.TotalSeconds));
        }
    }

    public void ReviewQueueCounted(long length) => Interlocked.Exchange(ref _reviewQueueLength, length);
}
