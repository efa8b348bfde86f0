using System.ComponentModel.DataAnnotations;
using MediaGate.Ingest.Mask;

namespace MediaGate.Ingest;

/// <summary>Settings of the ingest pipeline (bound from the "Ingest" configuration section).</summary>
public sealed class IngestOptions
{
    /// <summary>Bounds on untrusted input.</summary>
    [Required]
    public IngestLimits Limits { get; set; } = new();

    /// <summary>How faces are masked.</summary>
    [Required]
    public MaskOptions Mask { get; set; } = new();

    /// <summary>JPEG quality of re-encoded outputs. Default 90.</summary>
    [Range(50, 100)]
    public int JpegQuality { get; set; } = 90;
}
