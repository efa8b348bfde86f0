namespace MediaGate.Consent.Matrix;

/// <summary>What a consent cell means at a moment. Only <see cref="Granted"/> allows anything.</summary>
public enum ConsentStatus
{
    /// <summary>Nothing recorded: "Not asked means not granted" (product.md).</summary>
    NotAsked,

    /// <summary>The parent said no.</summary>
    Refused,

    /// <summary>Granted, then withdrawn; takes effect immediately.</summary>
    Withdrawn,

    /// <summary>Granted, but the annual review date has come.</summary>
    Lapsed,

    /// <summary>Granted with a form dated in the future.</summary>
    NotYetInForce,

    /// <summary>Granted and in force now.</summary>
    Granted,
}
