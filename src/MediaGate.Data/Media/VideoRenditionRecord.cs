namespace MediaGate.Data.Media;

/// <summary>The masked MP4 of a video rendition (the renditions row's own object is the masked poster JPEG).</summary>
/// <param name="RenditionId">The renditions row.</param>
/// <param name="MediaId">The item.</param>
/// <param name="VideoKey">The rendition store's key of the MP4 (random, no names).</param>
/// <param name="Sound">True when it carries the clip's sound.</param>
/// <param name="ByteLength">The MP4's size.</param>
public sealed record VideoRenditionRecord(string RenditionId, string MediaId, string VideoKey, bool Sound, long ByteLength);
