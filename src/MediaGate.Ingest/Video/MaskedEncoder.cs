using System.Globalization;
using MediaGate.Ingest.Mask;

namespace MediaGate.Ingest.Video;

/// <summary>
/// Decodes the clip again, masks each frame and pipes it into the clean H.264 encode; a copy of a clip already made needs
/// no encode at all (<see cref="Copy"/>).
/// </summary>
internal static class MaskedEncoder
{
    /// <summary>Writes the masked, clean MP4; returns the number of frames written.</summary>
    public static VideoOutcome<int> Write(string input, string output, VideoFacts facts, int width, int height, int maxFrames, VideoOptions options, Func<int, IReadOnlyList<MaskRegion>> masksAt) =>
        EncodeThenCopy(output, options.Tools, encoded => Encode(input, encoded, facts, width, height, maxFrames, options, masksAt));

    /// <summary>
    /// Writes the clean MP4 with nothing masked in one ffmpeg run (<see cref="FfmpegArguments.Transcode"/>), then the same
    /// clean copy as <see cref="Write"/>; returns the number of frames written (counted in the copy).
    /// </summary>
    public static VideoOutcome<int> WriteUnmasked(string input, string output, VideoFacts facts, int width, int height, int maxFrames, VideoOptions options)
    {
        VideoOutcome<int> written = EncodeThenCopy(output, options.Tools, encoded =>
        {
            ToolRun run = ToolRun.Execute(
                "ffmpeg",
                FfmpegArguments.Transcode(input, facts, width, height, maxFrames, options.KeepSound, options.Crf, encoded, options.Preset),
                options.Tools,
                64 * 1024);
            return run.Succeeded
                ? 0
                : VideoOutcome<int>.Fail(run.TimedOut ? VideoFailureKind.Timeout : VideoFailureKind.EncodeFailed, "the clean encode failed: " + run.Errors.Trim());
        });
        if (!written.IsSuccess)
        {
            return written;
        }

        ToolRun count = ToolRun.Execute("ffprobe", FfmpegArguments.CountVideoPackets(output), options.Tools, 1024);
        return count.Succeeded && int.TryParse(System.Text.Encoding.ASCII.GetString(count.Output).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int frames) && frames > 0
            ? frames
            : VideoOutcome<int>.Fail(VideoFailureKind.EncodeFailed, "the clean copy's frames cannot be counted: " + count.Errors.Trim());
    }

    /// <summary>
    /// Runs <paramref name="encode"/> into a private file beside <paramref name="output"/>, then the clean copy of it into
    /// <paramref name="output"/> (<see cref="Copy"/>); the encoded file is deleted on every path. Returns what the encode returned.
    /// </summary>
    private static VideoOutcome<int> EncodeThenCopy(string output, ToolLimits tools, Func<string, VideoOutcome<int>> encode)
    {
        string encoded = output + ".x264";
        try
        {
            CreatePrivate(encoded);
            VideoOutcome<int> frames = encode(encoded);
            if (!frames.IsSuccess)
            {
                return frames;
            }

            VideoOutcome<bool> copied = Copy(encoded, output, dropSound: false, tools);
            return copied.IsSuccess ? frames : copied.Failure;
        }
        finally
        {
            File.Delete(encoded);
        }
    }

    /// <summary>Copies an MP4 this gate encoded into <paramref name="output"/> (<see cref="FfmpegArguments.Remux"/>), without its sound when asked.</summary>
    public static VideoOutcome<bool> Copy(string encoded, string output, bool dropSound, ToolLimits tools)
    {
        CreatePrivate(output);
        ToolRun remux = ToolRun.Execute("ffmpeg", FfmpegArguments.Remux(encoded, output, dropSound), tools, 64 * 1024);
        return remux.Succeeded
            ? true
            : VideoOutcome<bool>.Fail(remux.TimedOut ? VideoFailureKind.Timeout : VideoFailureKind.EncodeFailed, "the clean copy failed: " + remux.Errors.Trim());
    }

    /// <summary>
    /// Creates <paramref name="path"/> empty and owner-only (0600) before ffmpeg writes it: ffmpeg keeps an existing file's mode,
    /// so the clip's pictures never sit in a file the process's umask left readable.
    /// </summary>
    private static void CreatePrivate(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var created = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.Create, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        });
    }

    private static VideoOutcome<int> Encode(string input, string output, VideoFacts facts, int width, int height, int maxFrames, VideoOptions options, Func<int, IReadOnlyList<MaskRegion>> masksAt)
    {
        using var encoder = ToolProcess.Start(
            "ffmpeg",
            FfmpegArguments.Encode(input, facts, width, height, options.KeepSound, options.Crf, output, options.Preset),
            options.Tools,
            writesInput: true);
        bool encoderGone = false;
        var coverage = new bool[width * height];
        VideoOutcome<int> read = FrameReader.Read(input, facts, width, height, maxFrames, options.Tools, (index, frame) =>
        {
            FaceMasker.Apply(frame, masksAt(index), coverage);
            try
            {
                encoder.Input.Write(frame.Pixels);
                return true;
            }
            catch (IOException)
            {
                encoderGone = true;
                return false;
            }
        });
        try
        {
            encoder.Input.Close();
        }
        catch (IOException)
        {
            encoderGone = true;
        }

        if (!read.IsSuccess)
        {
            encoder.Kill();
            encoder.WaitForExit();
            return read.Failure;
        }

        var (exitCode, errors) = encoder.WaitForExit();
        if (encoder.TimedOut)
        {
            return VideoOutcome<int>.Fail(VideoFailureKind.Timeout, "encoding ran over its time limit");
        }

        if (encoderGone || exitCode != 0)
        {
            return VideoOutcome<int>.Fail(VideoFailureKind.EncodeFailed, "the encoder failed: " + errors.Trim());
        }

        return read.Value;
    }
}
