namespace MediaGate.Ingest.Sniff;

/// <summary>The input formats MediaGate reads, as recognised from magic bytes (never from a file name).</summary>
public enum ImageFormat
{
    Jpeg,
    Png,
    WebP,

    /// <summary>HEIF family: HEIC from phones, and other ftyp brands libheif reads.</summary>
    Heif,
    Tiff,
}
