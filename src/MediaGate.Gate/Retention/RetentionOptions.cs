using System.ComponentModel.DataAnnotations;

namespace MediaGate.Gate.Retention;

/// <summary>
/// The retention schedule and the clean-up of abandoned uploads (configuration section <c>Gate:Retention</c>),
/// validated when the host starts. Product.md: masters "are deleted on the retention schedule (for example after
/// a child leaves, with a grace period and an export for the parents)".
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "Gate:Retention";

    /// <summary>
    /// Days after a child's leaving day before the items in which every tagged child has left are deleted; the
    /// parents export their child's journal in this time. Default 30; 0 to 3650.
    /// </summary>
    [Range(0, 3650)]
    public int GraceDays { get; set; } = 30;

    /// <summary>
    /// Seconds after an upload started before its original, if no committed upload claimed it, is deleted as
    /// abandoned (a node killed mid-upload). Longer than any upload takes; an upload still running then is refused
    /// (unavailable, try again) rather than committed without its file. Default 21600 (6 hours); 5 to 604800.
    /// </summary>
    [Range(5, 604_800)]
    public int AbandonedUploadSeconds { get; set; } = 21_600;

    /// <summary>
    /// Hours a failed item's upload original is kept (for the manager's re-queue) before it is deleted like an abandoned
    /// upload (issue 13: failed uploads must not fill the disk). Default 72; 1 to 8760.
    /// </summary>
    [Range(1, 8760)]
    public int FailedOriginalHours { get; set; } = 72;

    /// <summary>How often the sweep runs (and once at start), in seconds. Default 300; 1 to 86400.</summary>
    [Range(1, 86_400)]
    public int SweepSeconds { get; set; } = 300;

    public TimeSpan AbandonedUploadAfter => TimeSpan.FromSeconds(AbandonedUploadSeconds);

    public TimeSpan FailedOriginalAfter => TimeSpan.FromHours(FailedOriginalHours);
}
