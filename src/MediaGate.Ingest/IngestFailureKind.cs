namespace MediaGate.Ingest;

/// <summary>Why a photo could not be processed. Every kind fails closed: the photo is not released.</summary>
public enum IngestFailureKind
{
    /// <summary>The file has no bytes.</summary>
    Empty,

    /// <summary>The bytes are not an image format MediaGate reads (whatever the file name says).</summary>
    UnknownFormat,

    /// <summary>A recognised format that MediaGate does not accept (e.g. an animated or multi-layer variant).</summary>
    UnsupportedFormat,

    /// <summary>The file is larger than the configured byte limit.</summary>
    TooManyBytes,

    /// <summary>The header declares more pixels or a larger side than the configured limits (a decompression bomb).</summary>
    TooManyPixels,

    /// <summary>The bytes are damaged or truncated and cannot be decoded.</summary>
    Corrupt,

    /// <summary>Face detection failed: without it no face can be masked.</summary>
    DetectionFailed,

    /// <summary>The output could not be encoded.</summary>
    EncodeFailed,

    /// <summary>The output, read back, still carries metadata.</summary>
    MetadataRemains,

    /// <summary>Reading or writing a file failed.</summary>
    Io,
}
