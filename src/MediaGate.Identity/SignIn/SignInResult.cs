namespace MediaGate.Identity.SignIn;

public enum SignInResult
{
    SignedIn,

    /// <summary>Wrong or unknown credentials, inactive account, unknown or revoked device: all look the same to the caller.</summary>
    Rejected,

    /// <summary>Too many failures for this username, device or address: refused without checking the credentials.</summary>
    LockedOut,

    /// <summary>Right credentials, but staff may not sign in outside working hours.</summary>
    OutsideWorkingHours,
}
