namespace MediaGate.Data.Identity;

/// <summary>The outcome of revoking a device or a website key.</summary>
public enum Revocation
{
    /// <summary>It was in use and is now revoked.</summary>
    Revoked,

    /// <summary>It had been revoked before; nothing changed.</summary>
    AlreadyRevoked,

    NotFound,
}
