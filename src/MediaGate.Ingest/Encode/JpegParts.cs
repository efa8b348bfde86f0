namespace MediaGate.Ingest.Encode;

/// <summary>A JPEG split by <see cref="JpegImageData"/>.</summary>
/// <param name="ImageData">SOI, Adobe APP14 (reduced), tables, frame, scans, EOI: all a decoder or the transcoder reads.</param>
/// <param name="IccProfile">The colour profile when its chunks assemble into a valid ICC profile, else null (dropped).</param>
internal sealed record JpegParts(byte[] ImageData, byte[]? IccProfile);
