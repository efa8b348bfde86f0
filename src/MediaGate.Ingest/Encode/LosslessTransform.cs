using MediaGate.Ingest.Decode;
using MediaGate.Ingest.Interop;

namespace MediaGate.Ingest.Encode;

/// <summary>
/// Re-writes a JPEG through libjpeg's transcoder (tjTransform, jpegtran's engine): the DCT coefficients are
/// read (which entropy-decodes every block of every scan), rotated or mirrored in the DCT domain when the
/// orientation asks for it, and written again with libjpeg's own tables; no marker is copied
/// (TJXOPT_COPYNONE). Nothing of the input's byte layout survives: not its Huffman tables' unused
/// symbols, not bytes between the last scan and EOI. (TurboJPEG 2.1 has no TJXOPT_OPTIMIZE; the output
/// uses the standard Huffman tables of T.81 Annex K.)
/// </summary>
internal static class LosslessTransform
{
    /// <summary>TJXOP_* for EXIF orientations 1..8: none, hflip, rot180, vflip, transpose, rot90, transverse, rot270.</summary>
    private static ReadOnlySpan<int> Operations => [0, 1, 6, 2, 3, 5, 4, 7];

    /// <summary>
    /// The transcoded JPEG; <see cref="IngestFailureKind.EncodeFailed"/> when the caller should decode and
    /// re-encode instead (an imperfect rotation, a tolerable warning), <see cref="IngestFailureKind.Corrupt"/>
    /// when libjpeg cannot read every block.
    /// </summary>
    public static unsafe Outcome<byte[]> Apply(ReadOnlySpan<byte> jpeg, int orientation)
    {
        var handle = TurboJpeg.InitTransform();
        if (handle == nint.Zero)
        {
            throw new InvalidOperationException("tjInitTransform returned null (out of memory).");
        }

        byte* output = null;
        try
        {
            var operation = Operations[orientation - 1];
            var spec = new TurboJpeg.TransformSpec
            {
                Op = operation,
                Options = TurboJpeg.TransformOptionCopyNone | (operation == TurboJpeg.TransformNone ? 0 : TurboJpeg.TransformOptionPerfect),
            };
            nuint size = 0;
            fixed (byte* data = jpeg)
            {
                if (TurboJpeg.Transform(handle, data, (nuint)jpeg.Length, 1, &output, &size, &spec,
                        TurboJpeg.FlagLimitScans | TurboJpeg.FlagStopOnWarning) != 0)
                {
                    return Failure(handle);
                }
            }

            return new ReadOnlySpan<byte>(output, checked((int)size)).ToArray();
        }
        finally
        {
            TurboJpeg.Free(output);
            _ = TurboJpeg.Destroy(handle);
        }
    }

    private static Outcome<byte[]> Failure(nint handle)
    {
        var message = TurboJpeg.LastError(handle);
        var warning = TurboJpeg.GetErrorCode(handle) == TurboJpeg.ErrorWarning;
        var decodeInstead = warning ? JpegWarningPolicy.IsTolerable(message) : message.Contains("not perfect", StringComparison.Ordinal);
        return decodeInstead
            ? Outcome<byte[]>.Fail(IngestFailureKind.EncodeFailed, "JPEG lossless transform not possible: " + message)
            : Outcome<byte[]>.Fail(IngestFailureKind.Corrupt, "JPEG: " + message);
    }
}
