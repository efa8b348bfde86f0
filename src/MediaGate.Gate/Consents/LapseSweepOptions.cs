using System.ComponentModel.DataAnnotations;

namespace MediaGate.Gate.Consents;

/// <summary>How often consents that lapse on a date are applied to released media (section <c>Consents</c>).</summary>
public sealed class LapseSweepOptions
{
    public const string Section = "Consents";

    /// <summary>
    /// Minutes between sweeps. Default 15: a consent lapses on a date (the annual review), so its renditions go
    /// within a quarter of an hour of midnight in the setting's time zone. 0 turns the sweep off on this node.
    /// </summary>
    [Range(0, 1440)]
    public int SweepMinutes { get; set; } = 15;
}
