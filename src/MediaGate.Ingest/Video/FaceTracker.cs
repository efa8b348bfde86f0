using MediaGate.Ingest.Detect;

namespace MediaGate.Ingest.Video;

/// <summary>
/// Links the detections of sampled frames into tracks (issue 14, Faces followed through time): each detection
/// joins the open track whose predicted box (one of its latest boxes moved on at the track's median speed) it overlaps
/// most, or whose centre is close for its size when a fast move leaves little overlap; otherwise it starts a new track. A
/// track not seen for <see cref="MaxGapSeconds"/> is closed: between its samples the box is interpolated, so a
/// missed detection or two does not unmask the face.
/// </summary>
internal sealed class FaceTracker
{
    /// <summary>How long a track stays open without a detection. A second: a child turning away briefly stays one track.</summary>
    public const double MaxGapSeconds = 1.0;

    private const float MinOverlap = 0.2f;
    private const float MaxCentreShift = 0.6f;

    /// <summary>How fast (face sides per second) a face seen once may have moved by its next sample. Pans across group
    /// photos (bench video-coverage) moved faces of 40 to 60 px up to 2.3 sides between samples a third of a second
    /// apart: with the 0.6 of a track with a speed, every sample started a new track, whose mask stood still while the
    /// face moved on.</summary>
    private const float MaxUnpredictedSpeed = 8f;
    private readonly List<List<TrackPoint>> _tracks = [];

    /// <summary>Adds the detections of one sampled frame; frames must come in time order.</summary>
    public void Add(int frame, double seconds, IReadOnlyList<DetectedFace> faces)
    {
        ArgumentNullException.ThrowIfNull(faces);
        var pairs = new List<(float Cost, int Track, int Face)>();
        var camera = CameraVelocity(seconds);
        var (cameraX, cameraY) = camera ?? (0f, 0f);
        for (int t = 0; t < _tracks.Count; t++)
        {
            List<TrackPoint> track = _tracks[t];
            if (seconds - track[^1].Seconds > MaxGapSeconds)
            {
                continue;
            }

            var predictions = Predictions(track, seconds, cameraX, cameraY);

            // A track seen once has no speed of its own: it moves with the camera. Only while the camera's motion is not
            // known yet (no track seen twice) may it have moved as far as a fast pan takes it; once it is known, two faint
            // detections far apart in a still shot are two things, not one mask sweeping across the picture.
            float maxShift = track.Count < 2 && camera is null ? Math.Max(MaxCentreShift, (float)(MaxUnpredictedSpeed * (seconds - track[^1].Seconds))) : MaxCentreShift;
            for (int f = 0; f < faces.Count; f++)
            {
                if (Best(predictions, Box(faces[f]), maxShift) is { } found)
                {
                    pairs.Add((found, t, f));
                }
            }
        }

        var usedTracks = new HashSet<int>();
        var usedFaces = new HashSet<int>();
        foreach (var (_, t, f) in pairs.OrderBy(p => p.Cost))
        {
            if (usedTracks.Contains(t) || usedFaces.Contains(f))
            {
                continue;
            }

            usedTracks.Add(t);
            usedFaces.Add(f);
            _tracks[t].Add(new TrackPoint(frame, seconds, faces[f]));
        }

        for (int f = 0; f < faces.Count; f++)
        {
            if (!usedFaces.Contains(f))
            {
                _tracks.Add([new TrackPoint(frame, seconds, faces[f])]);
            }
        }
    }

    /// <summary>
    /// How much of a detection's box must lie inside a better detection of another track, in the same sample, for the
    /// detection to be a part of that face (a chin or a cheek found on its own). A detection whose centre lies inside the
    /// better one's box is a part of it too, however much of it sticks out (<see cref="IsPartOf"/>).
    /// </summary>
    internal const float PartOfAFace = 0.6f;

    /// <summary>
    /// The tracks, numbered in order of first appearance. A track whose every certain detection is a part of a stronger
    /// certain track's detection in the same sample (<see cref="IsPartOfAnother"/>) is a part of that face seen on its own:
    /// it becomes faint, so it stays masked but never holds the clip as a face nobody tagged.
    /// </summary>
    public IReadOnlyList<FaceTrack> Tracks()
    {
        var ordered = Stitched(_tracks).OrderBy(t => t[0].Seconds).ToList();
        return ordered.Select((t, i) => new FaceTrack(i + 1, IsPartOfAnother(t, ordered) ? Faint(t) : t.ToArray())).ToArray();
    }

    /// <summary>
    /// The longest time between two detections of a face that still makes them one track: a track that ends and a track
    /// that starts up to this long after it (a faint face unfound for longer than <see cref="MaxGapSeconds"/>, whose track
    /// was closed) are joined when each, moved on or back at its own speed, lies where the other is (<see cref="Cost"/> with
    /// the <see cref="MaxCentreShift"/> of a track with a speed, never the fast-pan allowance of a face seen once).
    /// </summary>
    public const double MaxStitchSeconds = 2.0;

    /// <summary>
    /// The tracks with closed ones re-joined (<see cref="MaxStitchSeconds"/>), the best-agreeing pairs first. Two tracks seen
    /// in the same sample are never joined (one must end before the other starts), so two faces of a group stay two. The
    /// joined track keeps every detection: it is certain when any of its parts was, and between the parts its box is
    /// interpolated, so the face is masked through the gap where the two parts' masks had stopped.
    /// </summary>
    private static List<List<TrackPoint>> Stitched(List<List<TrackPoint>> tracks)
    {
        var all = tracks.Select(t => t.ToList()).ToList();
        while (true)
        {
            var pairs = new List<(float Cost, List<TrackPoint> Before, List<TrackPoint> After)>();
            foreach (List<TrackPoint> before in all)
            {
                foreach (List<TrackPoint> after in all)
                {
                    if (!ReferenceEquals(before, after) && StitchCost(before, after) is { } cost)
                    {
                        pairs.Add((cost, before, after));
                    }
                }
            }

            if (pairs.Count == 0)
            {
                return all;
            }

            var used = new HashSet<List<TrackPoint>>(ReferenceEqualityComparer.Instance);
            foreach (var (_, before, after) in pairs.OrderBy(p => p.Cost))
            {
                if (used.Add(before) && used.Add(after))
                {
                    before.AddRange(after);
                    all.Remove(after);
                }
            }
        }
    }

    /// <summary>How well <paramref name="after"/> continues <paramref name="before"/>; null when it cannot.</summary>
    private static float? StitchCost(List<TrackPoint> before, List<TrackPoint> after)
    {
        double gap = after[0].Seconds - before[^1].Seconds;
        if (gap <= 0 || gap > MaxStitchSeconds)
        {
            return null;
        }

        // Two lone detections are no face kept being found: joined, they would be masked all through the gap on two guesses.
        // The service's two-person clip has two faint boxes over a named child's head 1.67 s apart (IoU 0.26 with her face,
        // too little to give way to it); joined, her own family's copy masked her head between them.
        if (before.Count < 2 && after.Count < 2)
        {
            return null;
        }

        // Each moves at the speed of its steps nearest the gap; a track seen once has none, and is taken to move as the other.
        var beforeSpeed = Speed(before);
        var afterSpeed = Speed(after.Take(Recent + 1).ToList());
        var (forwardX, forwardY) = before.Count > 1 ? beforeSpeed : afterSpeed;
        var (backX, backY) = after.Count > 1 ? afterSpeed : beforeSpeed;
        float? forward = Best(Predictions(before, after[0].Seconds, forwardX, forwardY, useOwnSpeed: false), Box(after[0].Face));
        float? back = Best(Predictions(after.Take(Recent).Reverse().ToList(), before[^1].Seconds, backX, backY, useOwnSpeed: false), Box(before[^1].Face));
        return forward is { } f && back is { } b ? f + b : null;
    }

    /// <summary>
    /// Whether <paramref name="track"/> is a part of another certain track's face: each of its certain detections is a part
    /// (<see cref="IsPartOf"/>) of that track's detection in the same sample, and that track scored more over the samples both
    /// were found in (so of two boxes centred in each other, only the weaker is the part, even where it once scored higher).
    /// </summary>
    private static bool IsPartOfAnother(List<TrackPoint> track, List<List<TrackPoint>> all)
    {
        var certain = track.Where(p => !p.Face.Uncertain).ToList();
        return certain.Count > 0 && all.Any(other => !ReferenceEquals(other, track) && other.Any(q => !q.Face.Uncertain)
            && certain.All(p => other.Any(q => q.Frame == p.Frame && IsPartOf(Box(p.Face), Box(q.Face))))
            && Stronger(other, track));
    }

    /// <summary>Whether <paramref name="face"/> scored more than <paramref name="part"/> in the samples both were found in.</summary>
    private static bool Stronger(List<TrackPoint> face, List<TrackPoint> part)
    {
        var scores = face.ToDictionary(q => q.Frame, q => q.Face.Score);
        var common = part.Where(p => scores.ContainsKey(p.Frame)).ToList();
        return common.Count > 0 && common.Sum(p => scores[p.Frame]) > common.Sum(p => p.Face.Score);
    }

    /// <summary>
    /// Whether <paramref name="part"/> is a part of the face <paramref name="face"/> found on its own: mostly inside it
    /// (<see cref="PartOfAFace"/>), or centred inside it. The second is YuNet's face-sized box shifted half off a large face: on
    /// the service's two-person clip, beside a 352x470 face (0.84), a box of about its size over its lower left (0.61 to 0.79,
    /// confirmed by RetinaFace), 42-48% inside the face and IoU 0.27-0.30, which held the clip as a third certain face
    /// (bench video-tracks on the clip's master lists both tracks sample by sample). Two
    /// real faces are rarely centred inside each other: of the 831 labelled faces of 20 px and more in faces-dev, 4 have
    /// their centre inside another label's box (one pair a duplicate label); a part made faint stays masked, and gives way to
    /// a shown face only where it overlaps it by the same-face IoU (0.3), which neither real pair reaches (0.22 and 0.25).
    /// </summary>
    internal static bool IsPartOf(FaceBox part, FaceBox face)
    {
        float cx = part.X + (part.Width / 2), cy = part.Y + (part.Height / 2);
        return face.Covers(part) >= PartOfAFace || (cx >= face.X && cx <= face.Right && cy >= face.Y && cy <= face.Bottom);
    }

    private static TrackPoint[] Faint(List<TrackPoint> track) => track.Select(p => p with { Face = p.Face with { Uncertain = true } }).ToArray();

    /// <summary>Lower is a better match; null when the boxes cannot be the same face.</summary>
    internal static float? Cost(FaceBox predicted, FaceBox found, float maxShift = MaxCentreShift)
    {
        float ratio = found.Area / Math.Max(1f, predicted.Area);
        if (ratio is < 0.33f or > 3f)
        {
            return null;
        }

        float overlap = predicted.IntersectionOverUnion(found);
        float dx = (predicted.X + (predicted.Width / 2)) - (found.X + (found.Width / 2));
        float dy = (predicted.Y + (predicted.Height / 2)) - (found.Y + (found.Height / 2));
        float shift = MathF.Sqrt((dx * dx) + (dy * dy)) / Math.Max(1f, Math.Max(predicted.Width, predicted.Height));
        if (overlap < MinOverlap && shift > maxShift)
        {
            return null;
        }

        return (1f - overlap) + shift;
    }

    /// <summary>
    /// The median speed (pixels a second) of the open tracks seen at least twice: when the camera pans or zooms, every
    /// face moves about so, and a face seen once is predicted to move with it. Null when no track has a speed yet.
    /// </summary>
    private (float X, float Y)? CameraVelocity(double seconds)
    {
        var xs = new List<float>();
        var ys = new List<float>();
        foreach (List<TrackPoint> track in _tracks)
        {
            if (track.Count < 2 || seconds - track[^1].Seconds > MaxGapSeconds)
            {
                continue;
            }

            AddStep(track[^2], track[^1], xs, ys);
        }

        if (xs.Count == 0)
        {
            return null;
        }

        xs.Sort();
        ys.Sort();
        return (xs[xs.Count / 2], ys[ys.Count / 2]);
    }

    /// <summary>The lowest <see cref="Cost"/> of <paramref name="found"/> against any of <paramref name="predictions"/>.</summary>
    private static float? Best(List<FaceBox> predictions, FaceBox found, float maxShift = MaxCentreShift)
    {
        float? best = null;
        foreach (FaceBox predicted in predictions)
        {
            if (Cost(predicted, found, maxShift) is { } cost && (best is null || cost < best))
            {
                best = cost;
            }
        }

        return best;
    }

    /// <summary>How many of a track's latest detections it is predicted from, and how many of its latest steps give its speed.</summary>
    private const int Recent = 3;

    /// <summary>
    /// Where the track may be at <paramref name="seconds"/>: each of its <see cref="Recent"/> latest boxes moved on at the
    /// track's speed (the median of its latest steps). A faint face is found as one box, then as another over a part of it
    /// (a box over the brow, or the whole frame's height) when the usual one is missed: predicting from the last box only, at
    /// the speed of that one jump, put the next usual box out of reach, and the face broke into a new track.
    /// </summary>
    private static List<FaceBox> Predictions(List<TrackPoint> track, double seconds, float cameraX, float cameraY, bool useOwnSpeed = true)
    {
        var (vx, vy) = track.Count < 2 || !useOwnSpeed ? (cameraX, cameraY) : Speed(track);
        var predictions = new List<FaceBox>(Recent);
        for (int i = track.Count - 1; i >= Math.Max(0, track.Count - Recent); i--)
        {
            FaceBox box = Box(track[i].Face);
            float dt = (float)(seconds - track[i].Seconds);
            predictions.Add(box with { X = box.X + (vx * dt), Y = box.Y + (vy * dt) });
        }

        return predictions;
    }

    /// <summary>The median speed (pixels a second, of the box's centre) over the track's latest steps: one jump to another
    /// box over the same face, and back, does not throw it.</summary>
    private static (float X, float Y) Speed(List<TrackPoint> track)
    {
        var xs = new List<float>();
        var ys = new List<float>();
        for (int i = track.Count - 1; i >= Math.Max(1, track.Count - Recent - 1); i--)
        {
            AddStep(track[i - 1], track[i], xs, ys);
        }

        return (Median(xs), Median(ys));
    }

    /// <summary>Adds the speed (pixels a second) of the box's centre from <paramref name="from"/> to <paramref name="to"/>,
    /// when they are apart in time.</summary>
    private static void AddStep(TrackPoint from, TrackPoint to, List<float> xs, List<float> ys)
    {
        double span = to.Seconds - from.Seconds;
        if (span > 0)
        {
            FaceBox a = Box(from.Face), b = Box(to.Face);
            xs.Add((float)((b.X + (b.Width / 2) - (a.X + (a.Width / 2))) / span));
            ys.Add((float)((b.Y + (b.Height / 2) - (a.Y + (a.Height / 2))) / span));
        }
    }

    private static float Median(List<float> values)
    {
        if (values.Count == 0)
        {
            return 0f;
        }

        values.Sort();
        int middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2f;
    }

    private static FaceBox Box(DetectedFace face) => new(face.X, face.Y, face.Width, face.Height);
}
