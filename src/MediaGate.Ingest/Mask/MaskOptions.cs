using System.ComponentModel.DataAnnotations;

namespace MediaGate.Ingest.Mask;

/// <summary>How faces are masked (product.md, Masking).</summary>
public sealed class MaskOptions
{
    /// <summary>
    /// How much larger than the detected face box the mask is, per side (1.5 = 50% larger). Default 1.5:
    /// product.md asks for about 1.3-1.5x so that hair, ears and the jaw line go too.
    /// </summary>
    [Range(1.3, 2.0)]
    public double Margin { get; set; } = 1.5;
}
