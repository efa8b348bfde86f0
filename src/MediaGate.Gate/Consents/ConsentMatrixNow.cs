using MediaGate.Consent.Matrix;
using MediaGate.Consent.People;

namespace MediaGate.Gate.Consents;

/// <summary>The consent matrix as it stands now in the setting's time zone.</summary>
/// <param name="Children">Every child, by name (then id).</param>
/// <param name="Now">The cells in force now.</param>
public sealed record ConsentMatrixNow(IReadOnlyList<Child> Children, ConsentSnapshot Now);
