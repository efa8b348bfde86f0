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
            // No arena either: ONNX Runtime's CPU arena keeps what it grew to for the largest tensors and never gives it
            // back, which a long-running service carries for good. Plain allocations are freed after each run, and the
            // native heap trim (MemoryRelief) returns them (part of the load run's 789 -> 579-619 MiB, README).
            EnableCpuMemArena = false,
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
