using MediaGate.Consent.Decisions;
using MediaGate.Consent.Matrix;
using MediaGate.Consent.Media;
using MediaGate.Testing.Consents;

namespace MediaGate.Consent.Tests.Decisions;

/// <summary>One row of the policy table: who consented to what, the photo, who sees it, and what must come out.</summary>
public sealed record DecisionScenario(
    string Policy,
    Func<ConsentBook, ConsentBook> Consent,
    MediaItem Photo,
    Purpose Purpose,
    Audience Audience,
    Verdict Expected,
    FaceVisibility[] Faces,
    ReasonCode[] Because)
{
    public bool ManagerApproved { get; init; }

    /// <summary>Reasons that must not be given (a rule that must not fire here).</summary>
    public ReasonCode[] NotBecause { get; init; } = [];

    public DecisionOptions Options { get; init; } = DecisionOptions.Default;

    /// <summary>Consent "now" defaults to <see cref="Kids.Now"/>; some rows look at another moment.</summary>
    public DateTimeOffset At { get; init; } = Kids.Now;

    public DecisionRequest Request => new(Photo, Purpose, Audience, ManagerApproved, Options);

    public override string ToString() => Policy;
}
