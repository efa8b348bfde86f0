using System.ComponentModel.DataAnnotations;

namespace MediaGate.Ingest.Detect;

/// <summary>How a face detector is created (beyond which model: see <see cref="FaceDetectorFactory"/>).</summary>
public sealed class DetectorOptions
{
    /// <summary>Threads one model run may use. Default: the processor count, at most 4 (more threads
    /// barely speed up these small models and take cores from concurrent photos).</summary>
    [Range(1, 64)]
    public int IntraOpThreads { get; set; } = Math.Clamp(Environment.ProcessorCount, 1, 4);

    /// <summary>The passes over each photo. Default (null): the model family's own
    /// (<see cref="MultiScaleSettings.YuNet"/>, <see cref="MultiScaleSettings.BlazeFace"/>).</summary>
    public MultiScaleSettings? MultiScale { get; set; }

    /// <summary>Overrides the manifest's thresholds (the benchmark's sweep). Default (null): the manifest's.</summary>
    public DetectionThresholds? Thresholds { get; set; }
}
