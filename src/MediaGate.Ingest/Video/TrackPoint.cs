using MediaGate.Ingest.Detect;

namespace MediaGate.Ingest.Video;

/// <summary>One detection of a tracked face: the sampled frame, its time and the box found there.</summary>
/// <param name="Frame">Frame index (constant frame rate, so its time is Frame / rate).</param>
/// <param name="Seconds">The frame's time.</param>
/// <param name="Face">The detection, in pixels of the output frame.</param>
public readonly record struct TrackPoint(int Frame, double Seconds, DetectedFace Face);
