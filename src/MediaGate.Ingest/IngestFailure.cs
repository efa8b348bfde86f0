namespace MediaGate.Ingest;

/// <summary>An expected failure of an ingest step, returned as a value (never thrown).</summary>
/// <param name="Kind">What went wrong, for code.</param>
/// <param name="Message">What went wrong, for a person.</param>
public sealed record IngestFailure(IngestFailureKind Kind, string Message)
{
    public override string ToString() => $"{Kind}: {Message}";
}
