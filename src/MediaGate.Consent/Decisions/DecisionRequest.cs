using MediaGate.Consent.Matrix;
using MediaGate.Consent.Media;

namespace MediaGate.Consent.Decisions;

/// <summary>Everything the decision needs besides the consent snapshot.</summary>
/// <param name="Item">The photo: tagged children, faces and their assignments.</param>
/// <param name="Purpose">Journal, website, publicity or events.</param>
/// <param name="Audience">Who will see the rendition.</param>
/// <param name="ManagerApproved">The manager approved this item for this purpose (needed for website and publicity).</param>
/// <param name="Options">The setting's options.</param>
public sealed record DecisionRequest(
    MediaItem Item,
    Purpose Purpose,
    Audience Audience,
    bool ManagerApproved,
    DecisionOptions Options);
