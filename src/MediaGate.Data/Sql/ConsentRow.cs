using MediaGate.Consent.Matrix;
using MediaGate.Consent.People;

namespace MediaGate.Data.Sql;

/// <summary>A row of <c>consent_records</c> as Dapper reads and writes it.</summary>
internal sealed class ConsentRow
{
    public const string Columns =
        "child_id AS ChildId, purpose AS Purpose, version AS Version, granted AS Granted, group_sharing AS GroupSharing, " +
        "given_by AS GivenBy, evidence AS Evidence, given_on AS GivenOn, lapses_on AS LapsesOn, withdrawn_on AS WithdrawnOn, recorded_at AS RecordedAt";

    public string ChildId { get; set; } = "";

    public string Purpose { get; set; } = "";

    public long Version { get; set; }

    public long Granted { get; set; }

    public long GroupSharing { get; set; }

    public string GivenBy { get; set; } = "";

    public string Evidence { get; set; } = "";

    public string GivenOn { get; set; } = "";

    public string? LapsesOn { get; set; }

    public string? WithdrawnOn { get; set; }

    public string RecordedAt { get; set; } = "";

    public static ConsentRow From(ConsentRecord record, long version) => new()
    {
        ChildId = record.Child.Value,
        Purpose = record.Purpose.Name(),
        Version = version,
        Granted = record.Granted ? 1 : 0,
        GroupSharing = record.Group ? 1 : 0,
        GivenBy = record.GivenBy,
        Evidence = record.Evidence,
        GivenOn = DbText.Date(record.GivenOn),
        LapsesOn = DbText.Date(record.LapsesOn),
        WithdrawnOn = DbText.Instant(record.WithdrawnOn),
        RecordedAt = DbText.Instant(record.RecordedAt),
    };

    public ConsentRecord ToRecord()
    {
        if (!PurposeNames.TryParse(Purpose, out var purpose))
        {
            throw new InvalidDataException($"consent_records holds an unknown purpose '{Purpose}'");
        }

        return new ConsentRecord(
            new ChildId(ChildId), purpose, Granted == 1, GroupSharing == 1, GivenBy, Evidence, DbText.ToDate(GivenOn),
            DbText.ToDateOrNull(LapsesOn), DbText.ToInstantOrNull(WithdrawnOn), DbText.ToInstant(RecordedAt));
    }
}
