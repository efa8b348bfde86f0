namespace MediaGate.Testing;

/// <summary>
/// The pixel thresholds of the tests, in mean absolute difference per 8-bit channel between two pictures of the same
/// size. Each names what it tells apart; the figures in brackets were measured on the tests' own pictures.
/// </summary>
internal static class PixelThresholds
{
    /// <summary>Lossless transforms (a JPEG stripped or turned without re-encoding) differ by rounding only.</summary>
    public const double LosslessAtMost = 1.0;

    /// <summary>A decode that skips a few stray bytes gives the clean file's pixels, but for one re-encode.</summary>
    public const double RecoveredDecodeAtMost = 2.0;

    /// <summary>One JPEG encode at high quality, or a scaled decode: the shown parts of a picture stay within this.</summary>
    public const double HighQualityEncodeAtMost = 3.0;

    /// <summary>A detailed photo encoded at the renditions' quality (JPEG's own error there is about 3.7).</summary>
    public const double DetailedEncodeAtMost = 5.0;

    /// <summary>One lossy encode (JPEG or WebP) at the service's quality.</summary>
    public const double EncodedAtMost = 6.0;

    /// <summary>A face shown differs from the plain reduction by JPEG encoding alone: below this.</summary>
    public const double ShownAtMost = EncodedAtMost;

    /// <summary>A small AVIF of a synthetic picture, after libheif's lossy encode and decode.</summary>
    public const double AvifAtMost = 12.0;

    /// <summary>A face masked in a photo written at a reduced size: the mask shows at well above encoding noise.</summary>
    public const double MaskedWhenReducedAtLeast = 10.0;

    /// <summary>The same picture turned half-way round differs by at least this from the right one.</summary>
    public const double TurnedAtLeast = 15.0;

    /// <summary>A masked face (filled from its surroundings) differs by far more than encoding: at least this.</summary>
    public const double MaskedAtLeast = 20.0;

    /// <summary>
    /// The orientation sample files each show their own number, so even upright they differ from _1 (about 14-16);
    /// a wrong rotation or mirror differs by 43 or more.
    /// </summary>
    public const double SameSampleUprightAtMost = 25.0;
}
