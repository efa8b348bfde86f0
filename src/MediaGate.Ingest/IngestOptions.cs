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

    /// <summary>
    /// Pixels that may be decoded at once across photos processed in parallel (anonymise, detect). Default
    /// 50 million: two 12 MP photos go together, a 48 MP photo goes alone, which keeps peak memory under
    /// 400 MB (about 4.3 bytes per pixel in flight plus the model, measured by eng/bench.sh).
    /// </summary>
    [Range(1_000_000, 1_000_000_000)]
    public long PixelsInFlight { get; set; } = 50_000_000;
}
