using MediaGate.Consent.Matrix;
using MediaGate.Consent.People;

namespace MediaGate.Api.Endpoints.Manager;

/// <summary>One cell of the consent matrix as it stands now, with the record behind it (null fields when never asked).</summary>
/// <param name="ChildId">The row.</param>
/// <param name="Purpose">The column: journal, website, publicity or events.</param>
/// <param name="Status">notAsked, refused, withdrawn, lapsed, notYetInForce or granted: only granted allows anything.</param>
/// <param name="Granted">True only when the status is granted (in force now).</param>
/// <param name="Group">Journal only: the child may appear unmasked to other families now.</param>
/// <param name="GivenBy">Who gave, refused or withdrew it.</param>
/// <param name="Evidence">The signed form's reference.</param>
/// <param name="GivenOn">The date on the form.</param>
/// <param name="ExpiresOn">The annual review date.</param>
/// <param name="WithdrawnOn">When a withdrawal took effect.</param>
/// <param name="RecordedAt">When MediaGate recorded the current record.</param>
public sealed record ConsentCellResponse(
    string ChildId,
    string Purpose,
    string Status,
    bool Granted,
    bool Group,
    string? GivenBy,
    string? Evidence,
    DateOnly? GivenOn,
    DateOnly? ExpiresOn,
    DateTimeOffset? WithdrawnOn,
    DateTimeOffset? RecordedAt)
{
    public static ConsentCellResponse From(ChildId child, Purpose purpose, ConsentSnapshot now)
    {
        ArgumentNullException.ThrowIfNull(now);
        ConsentRecord? record = now.Record(new ConsentCellKey(child, purpose));
        ConsentStatus status = now.Status(child, purpose);
        return new(
            child.Value, purpose.Name(), System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(status.ToString()),
            status == ConsentStatus.Granted, purpose == Consent.Matrix.Purpose.Journal && now.AllowsGroupSharing(child),
            record?.GivenBy, record?.Evidence, record?.GivenOn, record?.LapsesOn, record?.WithdrawnOn, record?.RecordedAt);
    }
}
