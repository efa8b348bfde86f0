using System.ComponentModel.DataAnnotations;

namespace MediaGate.Ingest;

/// <summary>
/// Bounds on untrusted input, checked from the header before any pixel memory is allocated.
/// Defaults admit a 48 MP phone photo and keep peak memory bounded.
/// </summary>
public sealed class IngestLimits
{
    /// <summary>Largest accepted file, in bytes. Default 64 MiB.</summary>
    [Range(1, long.MaxValue)]
    public long MaxBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Largest accepted picture, in pixels (width x height). Default 50 million.</summary>
    [Range(1, long.MaxValue)]
    public long MaxPixels { get; set; } = 50_000_000;

    /// <summary>Largest accepted width or height, in pixels. Default 16,384.</summary>
    [Range(1, 65_535)]
    public int MaxSide { get; set; } = 16_384;
}
