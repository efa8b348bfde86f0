namespace MediaGate.Ingest.Detect;

/// <summary>Face-detector architectures MediaGate can run; each has its own pre- and post-processing.</summary>
public enum ModelFamily
{
    /// <summary>MediaPipe BlazeFace back / full range: 256x256 NHWC RGB in -1..1, 896 SSD anchors.</summary>
    BlazeFace,

    /// <summary>YuNet (libfacedetection): NCHW BGR 0..255, any size that is a multiple of 32, strides 8/16/32.</summary>
    YuNet,

    /// <summary>RetinaFace-MobileNet0.25: NCHW BGR minus means 104/117/123, fixed 640x640, used as a verifier only.</summary>
    RetinaFace,

    /// <summary>DBNet text detector (PP-OCRv4 det): NCHW RGB with ImageNet mean/std, multiples of 32, a text probability map.</summary>
    DbNet,
}
