namespace MediaGate.Ingest.Render;

/// <summary>A finished rendition: a verified, metadata-free JPEG and its size in pixels.</summary>
/// <param name="Jpeg">The file's bytes.</param>
/// <param name="Width">Width of the picture.</param>
/// <param name="Height">Height of the picture.</param>
public sealed record RenderedPhoto(byte[] Jpeg, int Width, int Height);
