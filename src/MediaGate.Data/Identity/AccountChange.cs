namespace MediaGate.Data.Identity;

/// <summary>The outcome of changing an account's credentials or children: expected refusals are values, not exceptions.</summary>
public enum AccountChange
{
    Changed,

    /// <summary>No account has this id.</summary>
    NotFound,

    /// <summary>One of the children to link is not in the setting; nothing was changed.</summary>
    UnknownChild,
}
