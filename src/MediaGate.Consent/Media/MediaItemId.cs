namespace MediaGate.Consent.Media;

/// <summary>Identifies one photo (or later one video) of an observation.</summary>
public readonly record struct MediaItemId(string Value)
{
    public override string ToString() => Value;
}
