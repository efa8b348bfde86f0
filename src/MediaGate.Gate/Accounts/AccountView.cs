using MediaGate.Consent.People;
using MediaGate.Data.Identity;

namespace MediaGate.Gate.Accounts;

/// <summary>An account with the children it is linked to (a parent's), never a secret.</summary>
/// <param name="Account">The account (its hashes stay inside the service).</param>
/// <param name="Children">The children a parent account sees; empty for the other roles.</param>
public sealed record AccountView(Account Account, IReadOnlyList<ChildId> Children);
