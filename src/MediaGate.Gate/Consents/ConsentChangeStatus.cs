namespace MediaGate.Gate.Consents;

/// <summary>How a consent change ended.</summary>
public enum ConsentChangeStatus
{
    /// <summary>Recorded, decisions re-made and renditions brought in line.</summary>
    Recorded,

    /// <summary>No such child (the endpoint answers 404).</summary>
    UnknownChild,

    /// <summary>The change itself is not valid (the endpoint answers 400 with <see cref="ConsentChangeResult.Problem"/>).</summary>
    Invalid,
}
