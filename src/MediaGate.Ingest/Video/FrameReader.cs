namespace MediaGate.Ingest.Video;

/// <summary>Decodes a clip's video to upright RGB frames of the output size and hands them out one at a time.</summary>
internal static class FrameReader
{
    /// <summary>
    /// Calls <paramref name="onFrame"/> for each frame (index, frame; the frame's buffer is reused) until it
    /// returns false or the clip ends; returns the number of frames. More than <paramref name="maxFrames"/> is a
    /// refusal: the stream runs past the duration it declared.
    /// </summary>
    public static VideoOutcome<int> Read(string input, VideoFacts facts, int width, int height, int maxFrames, ToolLimits tools, Func<int, RgbImage, bool> onFrame)
    {
        var frame = new RgbImage(width, height);
        using var decoder = ToolProcess.Start("ffmpeg", FfmpegArguments.DecodeFrames(input, facts, width, height), tools);
        int count = 0;
        bool stopped = false;
        while (true)
        {
            int read = decoder.Output.ReadAtLeast(frame.Pixels, frame.Pixels.Length, throwOnEndOfStream: false);
            if (read == 0)
            {
                break;
            }

            if (read < frame.Pixels.Length)
            {
                decoder.Kill();
                return VideoOutcome<int>.Fail(VideoFailureKind.DecodeFailed, $"the decoder stopped inside frame {count}");
            }

            if (count >= maxFrames)
            {
                decoder.Kill();
                return VideoOutcome<int>.Fail(VideoFailureKind.Duration, $"the video runs past the {facts.DurationSeconds:0.###} s it declares");
            }

            if (!onFrame(count, frame))
            {
                stopped = true;
                decoder.Kill();
                break;
            }

            count++;
        }

        var (exitCode, errors) = decoder.WaitForExit();
        if (decoder.TimedOut)
        {
            return VideoOutcome<int>.Fail(VideoFailureKind.Timeout, "decoding ran over its time limit");
        }

        if (!stopped && (exitCode != 0 || count == 0))
        {
            return VideoOutcome<int>.Fail(VideoFailureKind.DecodeFailed, $"decoding failed after {count} frames: {errors.Trim()}");
        }

        return count;
    }
}
