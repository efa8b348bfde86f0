using System.ComponentModel.DataAnnotations;

namespace MediaGate.Ingest.Detect;

/// <summary>How a face detector is created (beyond which model: see <see cref="FaceDetectorFactory"/>).</summary>
public sealed class DetectorOptions
{
    /// <summary>Threads one model run may use. Default 1: on a 12 MP photo with YuNet-n, 2 threads cut wall
    /// time by about 5% but cost about 35% more CPU (bench detect-cost, 2-core machine), and the service runs
    /// photos side by side anyway.</summary>
    [Range(1, 64)]
    public int IntraOpThreads { get; set; } = 1;

    /// <summary>
    /// Whether ONNX Runtime keeps its CPU arena. Default true: without it, 6 x 12 MP anonymise cost about 15% more CPU
    /// and peaked at 375-413 MB instead of 317-373 MB (measured 2026-11-30, /usr/bin/time). The service turned it off for
    /// a while (an arena keeps what it grew to); measured again on 2026-12-07 (eng/load.sh, README) the service with the
    /// arena used 9-21% less CPU and 57-60 MiB less on the small-photo day (two runs each), and no more beyond run-to-run noise on the 12 MP
    /// load run, so the service keeps it too unless <c>Ingest:CpuArena</c> says false.
    /// </summary>
    public bool CpuArena { get; set; } = true;

    /// <summary>The passes over each photo. Default (null): the model family's own
    /// (<see cref="MultiScaleSettings.YuNet"/>, <see cref="MultiScaleSettings.BlazeFace"/>).</summary>
    public MultiScaleSettings? MultiScale { get; set; }

    /// <summary>Whether a verifier in the models folders (<see cref="ModelRegistry.ResolveVerifier"/>) gives the second
    /// opinion on which faces are certain. Default true; false: the detector alone, at its release-alone threshold.</summary>
    public bool UseVerifier { get; set; } = true;

    /// <summary>How the verifier looks at candidates. Default (null): <see cref="VerifierSettings.Default"/>.</summary>
    public VerifierSettings? Verifier { get; set; }

    /// <summary>Overrides the manifest's thresholds (the benchmark's sweep). Default (null): the manifest's.</summary>
    public DetectionThresholds? Thresholds { get; set; }
}
