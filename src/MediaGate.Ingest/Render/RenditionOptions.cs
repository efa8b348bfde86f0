using System.ComponentModel.DataAnnotations;

namespace MediaGate.Ingest.Render;

/// <summary>How renditions (what parents, event families and the website receive) are made (product.md, Masking).</summary>
public sealed class RenditionOptions
{
    /// <summary>
    /// The longest side of a rendition, in pixels; smaller photos are not enlarged. Default 2048 (product.md: "at
    /// most 2048 px on the long side by default": a journal page and a website do not need 12 MP).
    /// </summary>
    [Range(64, 16_384)]
    public int MaxLongSide { get; set; } = 2048;

    /// <summary>JPEG quality of renditions. Default 85: journals compress again anyway.</summary>
    [Range(50, 100)]
    public int JpegQuality { get; set; } = 85;

    /// <summary>
    /// Renditions made at once per node. Default 2: each holds a decoded master (36 MB for 12 MP) and a copy to
    /// mask, so this bounds the memory a burst of consent changes can take.
    /// </summary>
    [Range(1, 16)]
    public int ConcurrentRenders { get; set; } = 2;
}
