namespace MediaGate.Gate.Renditions;

/// <summary>A rendition on its way out of the service: its bytes and what they are.</summary>
/// <param name="Content">The whole file, authenticated to its end when the store encrypts.</param>
/// <param name="ContentType">Its media type.</param>
public sealed record RenditionFile(byte[] Content, string ContentType);
