using Microsoft.ML.OnnxRuntime;

namespace MediaGate.Ingest.Detect;

/// <summary>Creates the one ONNX Runtime session a detector owns.</summary>
internal static class OnnxSessions
{
    public static InferenceSession Create(ResolvedModel model, DetectorOptions options)
    {
        using var sessionOptions = new SessionOptions
        {
            IntraOpNumThreads = options.IntraOpThreads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            // Tiles and photos come in many sizes: a memory pattern planned for one input shape does not fit the next.
            EnableMemoryPattern = false,
            // DetectorOptions.CpuArena says why the arena is kept by default.
            EnableCpuMemArena = options.CpuArena,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            // The public models carry unused initialisers that ONNX Runtime reports as warnings on every load.
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
        };
        // Idle pool threads sleep instead of spinning: on a shared 2-core server, spinning burns the CPU
        // that the other photo's decode or encode needs (measured: 2 spinning threads cost more CPU than 1).
        sessionOptions.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        return new InferenceSession(model.Bytes, sessionOptions);
    }
}
