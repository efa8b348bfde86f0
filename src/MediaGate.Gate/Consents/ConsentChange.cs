using MediaGate.Consent.Matrix;
using MediaGate.Consent.People;

namespace MediaGate.Gate.Consents;

/// <summary>
/// A change to one cell of the consent matrix as the manager sends it (api.md,
/// <c>PUT /api/manager/consents/{childId}/{purpose}</c>).
/// </summary>
/// <param name="Child">The row.</param>
/// <param name="Purpose">The column.</param>
/// <param name="Granted">True grants; false refuses, or withdraws a grant in force.</param>
/// <param name="Group">Journal only: the child may also appear unmasked to other families.</param>
/// <param name="GivenBy">Who gave or withdrew consent.</param>
/// <param name="Evidence">The signed form's reference.</param>
/// <param name="ExpiresOn">The annual review date, if any.</param>
/// <param name="GivenOn">The date on the form; null: today in the setting's time zone.</param>
public sealed record ConsentChange(ChildId Child, Purpose Purpose, bool Granted, bool Group, string GivenBy, string Evidence, DateOnly? ExpiresOn, DateOnly? GivenOn = null);
