namespace MediaGate.Ingest.Video;

/// <summary>Decodes a clip's video to upright RGB frames of the output size and hands them out one at a time.</summary>
internal static class FrameReader
{
    /// <summary>
    /// Calls <paramref name="onFrame"/> for each frame, or with <paramref name="stride"/> above 1 for frames 0, stride,
    /// 2 x stride... (frame index, frame; the frame's buffer is reused) until it returns false or the clip ends;
    /// returns the number of frames handed out. A frame index of <paramref name="maxFrames"/> or more is a
    /// refusal: the stream runs past the duration it declared.
    /// </summary>
    public static VideoOutcome<int> Read(string input, VideoFacts facts, int width, int height, int maxFrames, ToolLimits tools, Func<int, RgbImage, bool> onFrame, int stride = 1)
    {
        var frame = new RgbImage(width, height);
        using var decoder = ToolProcess.Start("ffmpeg", FfmpegArguments.DecodeFrames(input, facts, width, height, stride), tools);
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

            if ((long)count * stride >= maxFrames)
            {
                decoder.Kill();
                return VideoOutcome<int>.Fail(VideoFailureKind.Duration, $"the video runs past the {facts.DurationSeconds:0.###} s it declares");
            }

            if (!onFrame(count * stride, frame))
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
