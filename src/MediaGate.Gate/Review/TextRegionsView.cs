namespace MediaGate.Gate.Review;

/// <summary>
/// The text found on an item (issue 15): whether it was searched (only items approved for the website or publicity
/// are), by which model, its regions, and the sentence the review shows ("2 text regions masked").
/// </summary>
public sealed record TextRegionsView(string MediaId, bool Scanned, string? Model, IReadOnlyList<TextRegionView> Regions, string? Sentence);
