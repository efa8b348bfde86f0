namespace MediaGate.Consent.Media;

/// <summary>A face's box in pixels of the upright image: top-left corner, width, height.</summary>
public readonly record struct FaceBox(float X, float Y, float Width, float Height);
