namespace MediaGate.Api.Hosting;

/// <summary>The meters the service exports (issue 7, item 1: metrics for what an operator watches).</summary>
public static class ServiceMetrics
{
    /// <summary>
    /// MediaGate's own meter (uploads, items by outcome, time from upload to decision, review queue length),
    /// filled by the use cases in MediaGate.Gate; the host only exports it.
    /// </summary>
    public const string MeterName = "MediaGate";
}
