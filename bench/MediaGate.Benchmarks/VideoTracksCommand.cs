using System.Globalization;
using MediaGate.Ingest;
using MediaGate.Ingest.Detect;
using MediaGate.Ingest.Video;

namespace MediaGate.Benchmarks;

/// <summary>
/// `video-tracks --clip FILE --models DIR [--detector NAME]`: follows the faces of one clip as the service does (the video
/// passes, the tracker) and prints every track with every detection (frame, box, score, certain or faint), and for each
/// certain detection the best other detection of the same sample it overlaps (how much of it lies inside, IoU): what
/// decides whether one face is listed once or twice.
/// </summary>
internal static class VideoTracksCommand
{
    public static int Run(IReadOnlyList<string> args)
    {
        var parsed = BenchArguments.Parse(args);
        var clip = parsed?.Get("clip");
        if (parsed is null || clip is null)
        {
            Console.Error.WriteLine("usage: video-tracks --clip FILE --models DIR [--detector NAME]");
            return 1;
        }

        Outcome<IFaceDetector> opened = VideoDetector.Open(parsed.Get("models"), parsed.Get("detector"));
        if (!opened.IsSuccess)
        {
            Console.Error.WriteLine(opened.Failure.Message);
            return 1;
        }

        using IFaceDetector detector = opened.Value;
        VideoOutcome<FollowedFaces> followed = new VideoAnonymiser(detector, new VideoOptions(), new VideoLimits()).Follow(clip);
        if (!followed.IsSuccess)
        {
            Console.Error.WriteLine(followed.Failure.ToString());
            return 1;
        }

        var tracks = followed.Value.Tracks;
        Console.WriteLine($"{clip}: {followed.Value.Width}x{followed.Value.Height}, {followed.Value.Sampled} samples, {tracks.Count} tracks ({tracks.Count(t => t.Certain)} certain)");
        foreach (FaceTrack track in tracks)
        {
            Console.WriteLine($"track {track.Id} {(track.Certain ? "certain" : "faint")}: {track.Points.Count} detections");
            foreach (TrackPoint p in track.Points)
            {
                var box = new FaceBox(p.Face.X, p.Face.Y, p.Face.Width, p.Face.Height);
                var beside = tracks.Where(t => t.Id != track.Id)
                    .SelectMany(t => t.Points.Where(q => q.Frame == p.Frame).Select(q => (t.Id, Box: new FaceBox(q.Face.X, q.Face.Y, q.Face.Width, q.Face.Height), q.Face)))
                    .Where(o => o.Box.IntersectionArea(box) > 0)
                    .OrderByDescending(o => o.Box.Covers(box))
                    .Select(o => string.Create(CultureInfo.InvariantCulture, $" | track {o.Id} ({o.Face.Score:0.00} {(o.Face.Uncertain ? "faint" : "certain")}): {o.Box.Covers(box):0.00} of it inside, IoU {o.Box.IntersectionOverUnion(box):0.00}"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  frame {p.Frame} ({p.Face.X:0},{p.Face.Y:0} {p.Face.Width:0}x{p.Face.Height:0}) {p.Face.Score:0.00} {(p.Face.Uncertain ? "faint" : "certain")}{string.Concat(beside)}"));
            }
        }

        return 0;
    }
}
