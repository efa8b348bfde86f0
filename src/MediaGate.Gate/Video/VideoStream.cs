namespace MediaGate.Gate.Video;

/// <summary>A clip to send: a seekable stream (byte ranges are served from it), owned by the caller.</summary>
/// <param name="Content">Seekable; a temporary copy deletes itself when closed.</param>
/// <param name="Length">Bytes.</param>
public sealed record VideoStream(Stream Content, long Length);
