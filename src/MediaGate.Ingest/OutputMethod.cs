namespace MediaGate.Ingest;

/// <summary>How an output file was made.</summary>
public enum OutputMethod
{
    /// <summary>The JPEG's coded data was kept; only metadata segments were dropped (and lossless rotation applied).</summary>
    Lossless,

    /// <summary>Decoded, made upright and encoded again.</summary>
    Reencoded,
}
