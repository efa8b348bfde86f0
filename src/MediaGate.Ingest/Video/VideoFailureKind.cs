namespace MediaGate.Ingest.Video;

/// <summary>Why a clip was refused or could not be processed. Every kind fails closed: the clip is not released.</summary>
public enum VideoFailureKind
{
    /// <summary>The file could not be read (missing, not a regular file, empty).</summary>
    Io,

    /// <summary>The file is larger than the configured byte limit.</summary>
    TooManyBytes,

    /// <summary>The bytes are not an MP4/MOV container (Matroska, WebM, AVI, an image...), whatever the name says.</summary>
    Container,

    /// <summary>ffprobe cannot read the container (truncated moov, garbage), or reports values that make no sense.</summary>
    Unreadable,

    /// <summary>Not exactly one video stream and at most one audio stream, or a stream kind that is not allowed.</summary>
    Streams,

    /// <summary>The video codec is not H.264 or HEVC.</summary>
    Codec,

    /// <summary>The picture is larger than the configured resolution limit.</summary>
    Resolution,

    /// <summary>The frame rate is above the configured limit, or unknown.</summary>
    FrameRate,

    /// <summary>The duration is above the configured limit, or unknown.</summary>
    Duration,

    /// <summary>A tool ran over its wall-clock limit and was killed.</summary>
    Timeout,

    /// <summary>Decoding failed part-way (damaged frames, memory limit).</summary>
    DecodeFailed,

    /// <summary>Face detection failed: without it no face can be masked.</summary>
    DetectionFailed,

    /// <summary>The encoder failed.</summary>
    EncodeFailed,

    /// <summary>The output, read back, carries a stream or tag it must not, does not decode whole, or has the wrong duration or size.</summary>
    VerificationFailed,
}
