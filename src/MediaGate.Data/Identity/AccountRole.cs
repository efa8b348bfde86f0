namespace MediaGate.Data.Identity;

/// <summary>What an account may do (product.md, "Who uses it"); stored and sent as lowercase text.</summary>
public enum AccountRole
{
    Manager,
    Staff,
    Parent,
}
