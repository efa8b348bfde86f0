namespace MediaGate.Data.Identity;

/// <summary>The outcome of deactivating an account: expected refusals are values, not exceptions.</summary>
public enum Deactivation
{
    /// <summary>The account is inactive now (it may have been already).</summary>
    Deactivated,

    /// <summary>No account has this id.</summary>
    NotFound,

    /// <summary>It is the last active manager: nobody could manage the setting after it (README: 409).</summary>
    LastManager,
}
