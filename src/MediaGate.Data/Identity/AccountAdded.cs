namespace MediaGate.Data.Identity;

/// <summary>The outcome of adding an account: expected refusals are values, not exceptions.</summary>
public enum AccountAdded
{
    Added,

    /// <summary>Another account has the same username (compared without case).</summary>
    UsernameTaken,

    /// <summary>One of the children to link is not in the setting; nothing was added.</summary>
    UnknownChild,
}
