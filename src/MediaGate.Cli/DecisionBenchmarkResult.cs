using System.Globalization;
using MediaGate.Consent.Decisions;

namespace MediaGate.Cli;

/// <summary>What <see cref="DecisionBenchmark"/> measured, in microseconds per operation.</summary>
/// <param name="Iterations">Decisions timed (after warm-up).</param>
/// <param name="DecisionMicroseconds">Mean time of one decision (30 faces, 200-child matrix, journal for a parent).</param>
/// <param name="WebsiteDecisionMicroseconds">Mean time of one website decision for the same photo.</param>
/// <param name="SnapshotMicroseconds">Mean time to take a snapshot of the 200-child matrix (done once per batch of decisions).</param>
internal sealed record DecisionBenchmarkResult(int Iterations, double DecisionMicroseconds, double WebsiteDecisionMicroseconds, double SnapshotMicroseconds)
{
    /// <summary>Faces in the timed photo.</summary>
    public int Faces { get; init; }

    /// <summary>The journal decision that was timed.</summary>
    public Verdict JournalVerdict { get; init; }

    /// <summary>Faces the timed journal decision masks.</summary>
    public int JournalMaskedFaces { get; init; }

    /// <summary>The website decision that was timed.</summary>
    public Verdict WebsiteVerdict { get; init; }

    /// <summary>Faces the timed website decision masks.</summary>
    public int WebsiteMaskedFaces { get; init; }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"decision (30 faces, 200-child matrix, journal for a parent): {DecisionMicroseconds:0.00} µs; website: {WebsiteDecisionMicroseconds:0.00} µs; matrix snapshot: {SnapshotMicroseconds:0.00} µs ({Iterations} iterations)");
}
