namespace MediaGate.Ingest.Detect;

/// <summary>What a model in models/manifest.json is for.</summary>
public enum ModelRole
{
    /// <summary>Finds the faces that are masked; may be chosen by name or as the default.</summary>
    Detector,

    /// <summary>A second opinion on a detector's candidates (<see cref="FaceVerifier"/>); never a detector on its own.</summary>
    Verifier,

    /// <summary>Finds text regions (names on labels, clothing) masked in website and publicity renditions; never a face detector.</summary>
    Text,
}
