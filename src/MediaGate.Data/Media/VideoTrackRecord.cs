namespace MediaGate.Data.Media;

/// <summary>
/// A face followed through a video (issue 14): the same face as the <c>media_faces</c> row of the same number, with
/// its time span and its detections (so its masks can be drawn again for each audience).
/// </summary>
/// <param name="MediaId">The item.</param>
/// <param name="Number">The face's number (1-based, order of first appearance).</param>
/// <param name="FirstMs">First detection, in milliseconds from the start.</param>
/// <param name="LastMs">Last detection.</param>
/// <param name="BestMs">The clearest detection (the frame shown to name it).</param>
/// <param name="PointsJson">The detections, as the video gate wrote them.</param>
/// <param name="FrameKey">The master store's key of the clearest frame (a JPEG), or null when none was kept.</param>
public sealed record VideoTrackRecord(string MediaId, int Number, long FirstMs, long LastMs, long BestMs, string PointsJson, string? FrameKey);
