using MediaGate.Ingest.Detect;

namespace MediaGate.Benchmarks;

/// <summary>A photo of the evaluation set and its labelled faces.</summary>
internal sealed record LabelledPhoto(string RelativePath, IReadOnlyList<LabelledFace> Faces);

/// <summary>A labelled face box; <paramref name="Invalid"/> faces (WIDER's own flag) are not counted for recall,
/// but a detection on one is not a false positive either.</summary>
internal sealed record LabelledFace(FaceBox Box, bool Invalid)
{
    public float Size => Math.Min(Box.Width, Box.Height);
}
