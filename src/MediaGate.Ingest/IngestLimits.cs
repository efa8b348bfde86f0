using System.ComponentModel.DataAnnotations;

namespace MediaGate.Ingest;

/// <summary>
/// Bounds on untrusted input, checked from the header before any pixel memory is allocated.
/// Defaults admit a 48 MP phone photo and keep peak memory bounded. The upper bounds of the ranges keep the
/// size arithmetic of every decoder inside a .NET array (at most 4 bytes per pixel for an RGBA buffer, a
/// whole file in one byte[]): a raised limit is refused at start-up rather than overflowing mid-batch.
/// </summary>
public sealed class IngestLimits
{
    /// <summary>Largest accepted file, in bytes. Default 64 MiB; at most 1 GiB (a file is held in one array).</summary>
    [Range(1, 1L << 30)]
    public long MaxBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Largest accepted picture, in pixels (width x height). Default 50 million; at most 500 million,
    /// so that width x height x 4 (an RGBA buffer) stays below int.MaxValue.</summary>
    [Range(1, 500_000_000)]
    public long MaxPixels { get; set; } = 50_000_000;

    /// <summary>Largest accepted width or height, in pixels. Default 16,384; at most 65,500, the largest side
    /// libjpeg can encode (every output is a JPEG).</summary>
    [Range(1, 65_500)]
    public int MaxSide { get; set; } = 16_384;
}
