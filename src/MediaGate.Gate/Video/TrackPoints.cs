using System.Text.Json;
using MediaGate.Data.Media;
using MediaGate.Ingest.Detect;
using MediaGate.Ingest.Video;

namespace MediaGate.Gate.Video;

/// <summary>A track's detections as stored (<c>media_tracks.points_json</c>) and back, so its masks can be drawn again.</summary>
internal static class TrackPoints
{
    public static string ToJson(FaceTrack track)
    {
        ArgumentNullException.ThrowIfNull(track);
        return JsonSerializer.Serialize(track.Points.Select(p => new StoredPoint(p.Frame, p.Seconds, p.Face.X, p.Face.Y, p.Face.Width, p.Face.Height, p.Face.Score, p.Face.Uncertain)).ToArray());
    }

    /// <summary>The track; throws on stored text that is not a list of detections (a damaged row must not unmask anyone).</summary>
    public static FaceTrack ToTrack(VideoTrackRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var points = JsonSerializer.Deserialize<StoredPoint[]>(record.PointsJson);
        if (points is not { Length: > 0 })
        {
            throw new InvalidDataException($"Track {record.Number} of {record.MediaId} has no detections");
        }

        return new FaceTrack(record.Number, points.Select(p => new TrackPoint(p.F, p.S, new DetectedFace(p.X, p.Y, p.W, p.H, p.Score, p.U))).ToArray());
    }

    public static long Milliseconds(double seconds) => (long)Math.Round(Math.Max(0, seconds) * 1000);

    private sealed record StoredPoint(int F, double S, float X, float Y, float W, float H, float Score, bool U);
}
