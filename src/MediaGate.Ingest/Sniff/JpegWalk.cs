namespace MediaGate.Ingest.Sniff;

/// <summary>How far <see cref="JpegSegmentReader"/> walks a JPEG and how strictly.</summary>
[Flags]
internal enum JpegWalk
{
    /// <summary>Every segment from SOI to EOI, entropy-coded data skipped; any byte out of place is a problem.</summary>
    Whole = 0,

    /// <summary>Stop after the first SOF (enough for the size; scans no entropy-coded data).</summary>
    StopAfterFrameHeader = 1,

    /// <summary>Stop at the first SOS, which is included without its entropy-coded data (every header segment, even those between SOF and SOS).</summary>
    StopAtFirstScan = 2,

    /// <summary>
    /// Skip bytes that are not 0xFF where a marker should start, as libjpeg does ("N extraneous bytes before
    /// marker"): real cameras write a segment length two short, leaving two stray bytes. Used to read and to
    /// rebuild inputs, never to verify outputs.
    /// </summary>
    SkipStrayBytes = 4,
}
