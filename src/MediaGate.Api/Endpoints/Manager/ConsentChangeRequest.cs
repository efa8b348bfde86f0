using MediaGate.Consent.Matrix;
using MediaGate.Consent.People;
using MediaGate.Gate.Consents;

namespace MediaGate.Api.Endpoints.Manager;

/// <summary>
/// <c>PUT /api/manager/consents/{childId}/{purpose}</c> (api.md). <c>granted: true</c> records a grant;
/// <c>granted: false</c> withdraws a grant in force (at once, product.md) or, when there is none, records a refusal.
/// </summary>
/// <param name="Granted">Required.</param>
/// <param name="Group">Journal only: the child may also appear unmasked in photos shown to other families; default false.</param>
/// <param name="GivenBy">Required: who gave, refused or withdrew consent, e.g. "Mother (Jane Smith)".</param>
/// <param name="Evidence">Required: the signed form's reference.</param>
/// <param name="ExpiresOn">Optional: the annual review date, from which the grant no longer counts.</param>
/// <param name="GivenOn">Optional: the date on the form; default today in the setting's time zone.</param>
public sealed record ConsentChangeRequest(bool? Granted, bool? Group, string? GivenBy, string? Evidence, DateOnly? ExpiresOn, DateOnly? GivenOn)
{
    private const int MaxTextLength = 500;

    /// <summary>The request's problems by field (empty when valid).</summary>
    public Dictionary<string, string[]> Problems(Purpose purpose)
    {
        var problems = new Dictionary<string, string[]>();
        if (Granted is null)
        {
            problems["granted"] = ["Required: true or false."];
        }

        if (Group == true && purpose != Purpose.Journal)
        {
            problems["group"] = ["Only the journal purpose has the group option."];
        }

        CheckText(problems, "givenBy", GivenBy);
        CheckText(problems, "evidence", Evidence);
        if (ExpiresOn is { } expires && GivenOn is { } given && expires <= given)
        {
            problems["expiresOn"] = ["Must be after givenOn."];
        }

        return problems;
    }

    /// <summary>The change to apply (call only when <see cref="Problems"/> is empty).</summary>
    public ConsentChange ToChange(ChildId child, Purpose purpose) =>
        new(child, purpose, Granted == true, Group == true, GivenBy!.Trim(), Evidence!.Trim(), ExpiresOn, GivenOn);

    private static void CheckText(Dictionary<string, string[]> problems, string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems[name] = ["Required."];
        }
        else if (value.Length > MaxTextLength || value.Any(char.IsControl))
        {
            problems[name] = [$"At most {MaxTextLength} characters, no control characters."];
        }
    }
}
