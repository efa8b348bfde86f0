namespace MediaGate.Gate.Review;

/// <summary>One text region as the manager's review shows it (pixels of the upright master).</summary>
public sealed record TextRegionView(int Number, double X, double Y, double W, double H, double Score, bool Masked, string? UnmaskedBy, DateTimeOffset? UnmaskedAt);
