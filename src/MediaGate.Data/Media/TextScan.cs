namespace MediaGate.Data.Media;

/// <summary>That an item's master was searched for text (once, when it first needs a website or publicity rendition).</summary>
/// <param name="MediaId">The item.</param>
/// <param name="Model">The text model's name in the manifest.</param>
/// <param name="ScannedAt">When.</param>
/// <param name="Regions">How many regions were found.</param>
public sealed record TextScan(string MediaId, string Model, DateTimeOffset ScannedAt, int Regions);
