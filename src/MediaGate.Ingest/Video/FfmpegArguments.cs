using System.Globalization;

namespace MediaGate.Ingest.Video;

/// <summary>
/// The argument lists of every ffmpeg run, as pure functions (tested without running anything). Every run reads
/// only files and pipes (<c>-protocol_whitelist file,pipe</c>), never its terminal (<c>-nostdin</c>), and the input
/// is always given as a <c>file:</c> URL so that a name like "http:x" is still a file.
/// </summary>
internal static class FfmpegArguments
{
    public static string FileUrl(string path) => "file:" + Path.GetFullPath(path);

    /// <summary>The output size: upright, at most <paramref name="maxShortSide"/> on the short side, even sides (yuv420p).</summary>
    public static (int Width, int Height) OutputSize(VideoFacts facts, int maxShortSide)
    {
        ArgumentNullException.ThrowIfNull(facts);
        double scale = Math.Min(1.0, maxShortSide / (double)Math.Min(facts.UprightWidth, facts.UprightHeight));
        return (Even(facts.UprightWidth * scale), Even(facts.UprightHeight * scale));
    }

    /// <summary>
    /// Decodes the video stream to raw RGB frames on stdout: rotation applied (ffmpeg autorotates on decode), a
    /// constant frame rate (so frame i is at i / rate), scaled to exactly the output size. With
    /// <paramref name="stride"/> above 1 only frames 0, stride, 2 x stride... come out (the detector's samples):
    /// the others are decoded but never scaled or converted. The picture is scaled while still YUV 4:2:0 (a
    /// quarter of the samples an RGB scale works on) and converted to RGB at the output size: this halved the
    /// decoder's CPU at 1080p (eng/video-bench.sh).
    /// </summary>
    public static List<string> DecodeFrames(string input, VideoFacts facts, int width, int height, int stride = 1)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stride);
        string select = stride > 1 ? Invariant($"select=not(mod(n\\,{stride})),") : string.Empty;
        var args = new List<string> { "-nostdin", "-v", "error", "-protocol_whitelist", "file,pipe" };
        if (stride > 1)
        {
            // The detector's frames need not be exact: skipping the deblocking filter cut that decode's CPU by a fifth.
            args.AddRange(["-skip_loop_filter", "all", "-flags2", "fast"]);
        }

        // One decoding thread: a 1080p H.264 decode is about ten times faster than real time on one core, and the frame
        // threads' pictures cost about 16 MiB of the process's memory (110 -> 94 MiB at 1080p, with no more CPU).
        args.AddRange(
        [
            "-threads", "1", "-f", "mov", "-i", FileUrl(input),
            "-map", "0:v:0", "-an", "-sn", "-dn",
            "-vf", Invariant($"fps={facts.FrameRateNumerator}/{facts.FrameRateDenominator},{select}scale={width}:{height}:flags=bilinear,format=yuv420p,setsar=1,format=rgb24"),

            // Passthrough: the selected frames only, never duplicated back to the constant rate.
            "-fps_mode", "passthrough", "-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1",
        ]);
        return args;
    }

    /// <summary>
    /// Encodes raw RGB frames from stdin to H.264 in MP4 (then <see cref="Remux"/>), the sound (AAC) from the original when
    /// asked, and nothing else: no metadata, no chapters, no encoder tag (bitexact), no rotation.
    /// </summary>
    public static List<string> Encode(string input, VideoFacts facts, int width, int height, bool keepSound, int crf, string output, string preset = VideoOptions.DefaultPreset)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var args = new List<string>
        {
            "-nostdin", "-v", "error", "-protocol_whitelist", "file,pipe",

            // Two raw frames queued from the pipe, not eight: with a second input (the sound) ffmpeg reads each input on
            // its own thread, and eight 720p RGB frames are about 27 MiB of the encoder's memory.
            "-thread_queue_size", "2",
            "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", Invariant($"{width}x{height}"),
            "-framerate", Invariant($"{facts.FrameRateNumerator}/{facts.FrameRateDenominator}"), "-i", "pipe:0",
        };
        bool sound = keepSound && facts.HasAudio;
        if (sound)
        {
            args.AddRange(["-f", "mov", "-i", FileUrl(input)]);
        }

        args.AddRange(["-map", "0:v:0"]);
        if (sound)
        {
            args.AddRange(["-map", "1:a:0", .. SoundEncode]);
        }

        args.AddRange(CleanEncode(crf, preset, output));
        return args;
    }

    /// <summary>The sound as AAC, bitexact (the encodes that keep it).</summary>
    private static readonly string[] SoundEncode = ["-c:a", "aac", "-b:a", "128k", "-flags:a", "+bitexact"];

    /// <summary>The picture as H.264 in MP4 and nothing else: no metadata, no chapters, bitexact (every encode's tail).</summary>
    // One encoding thread: x264's own threads (one and a half per core, each with its frames) cost 28 MiB more at 720p
    // for no less CPU (a 30 s 1080p30 clip to 720p: 137 against 165 MiB peak, 8.1 against 8.4 CPU s; wall 7.8 against 5.8 s),
    // and the service's other core belongs to the photos (the video lane gives way to them).
    private static string[] CleanEncode(int crf, string preset, string output) =>
    [
        "-c:v", "libx264", "-preset", preset, "-crf", crf.ToString(CultureInfo.InvariantCulture), "-threads", "1", "-pix_fmt", "yuv420p",
        "-flags:v", "+bitexact", "-fflags", "+bitexact",
        "-map_metadata", "-1", "-map_chapters", "-1", "-shortest", "-f", "mp4", "-y", FileUrl(output),
    ];

    /// <summary>
    /// The clean copy with nothing masked (the master, <c>strip</c>) in one ffmpeg run: decoded (rotation applied, one decoding
    /// thread), at a constant frame rate, scaled as <see cref="DecodeFrames"/> scales, and encoded as <see cref="Encode"/>
    /// encodes (H.264, the sound as AAC when asked, no metadata, bitexact), at most <paramref name="maxFrames"/> frames; then
    /// <see cref="Remux"/>. The pictures are rebuilt from the decoded pixels, as through the pipe, without the RGB round trip
    /// and the second process that a mask needs (at 1080p the round trip cost about 7 of 28 CPU s a minute of clip, and the
    /// second process about 100 MiB).
    /// </summary>
    public static List<string> Transcode(string input, VideoFacts facts, int width, int height, int maxFrames, bool keepSound, int crf, string output, string preset = VideoOptions.DefaultPreset)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxFrames);
        bool sound = keepSound && facts.HasAudio;
        var args = new List<string>
        {
            "-nostdin", "-v", "error", "-protocol_whitelist", "file,pipe",
            "-threads", "1", "-f", "mov", "-i", FileUrl(input),
            "-map", "0:v:0",
        };
        if (sound)
        {
            args.AddRange(["-map", "0:a:0", .. SoundEncode]);
        }

        args.AddRange(
        [
            "-sn", "-dn",
            "-vf", Invariant($"fps={facts.FrameRateNumerator}/{facts.FrameRateDenominator},scale={width}:{height}:flags=bilinear,format=yuv420p,setsar=1"),
            "-frames:v", maxFrames.ToString(CultureInfo.InvariantCulture),
            .. CleanEncode(crf, preset, output),
        ]);
        return args;
    }

    /// <summary>
    /// Copies the encoded streams into the released MP4: faststart, no metadata, and two things an encode cannot
    /// leave out: the stream's "encoder" tag (ffmpeg writes "Lavc libx264" into the compressor name whenever it
    /// encodes, even bitexact; a copy does not) and x264's settings SEI (NAL type 6, not needed to decode). With
    /// <paramref name="dropSound"/> the sound is left out (a silent copy of a clip this gate made and verified).
    /// </summary>
    public static List<string> Remux(string encoded, string output, bool dropSound = false) =>
    [
        "-nostdin", "-v", "error", "-protocol_whitelist", "file", "-f", "mp4", "-i", FileUrl(encoded),
        "-map", "0:v:0", .. dropSound ? (string[])["-an"] : ["-map", "0:a?"], "-c", "copy", "-bsf:v", "filter_units=remove_types=6",
        "-map_metadata", "-1", "-map_chapters", "-1", "-fflags", "+bitexact",
        "-movflags", "+faststart", "-f", "mp4", "-y", FileUrl(output),
    ];

    /// <summary>ffprobe counting the video packets (one per frame in an H.264 MP4 this gate wrote) without decoding anything.</summary>
    public static List<string> CountVideoPackets(string path) =>
    [
        "-v", "error", "-protocol_whitelist", "file", "-f", "mp4", "-select_streams", "v:0", "-count_packets",
        "-show_entries", "stream=nb_read_packets", "-of", "csv=p=0", "-i", FileUrl(path),
    ];

    /// <summary>Decodes every stream of the output to nothing, failing on the first error (verification).</summary>
    public static List<string> DecodeAll(string output) =>
        ["-nostdin", "-v", "error", "-xerror", "-protocol_whitelist", "file", "-f", "mp4", "-i", FileUrl(output), "-f", "null", "-"];

    private static int Even(double side) => Math.Max(2, (int)Math.Round(side / 2.0) * 2);

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
