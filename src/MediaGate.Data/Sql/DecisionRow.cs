using System.Text.Json;
using MediaGate.Consent.Decisions;
using MediaGate.Consent.Matrix;
using MediaGate.Consent.ReEvaluation;

namespace MediaGate.Data.Sql;

/// <summary>A row of <c>decisions</c> as Dapper reads and writes it.</summary>
internal sealed class DecisionRow
{
    public const string Columns =
        "d.id AS Id, d.media_id AS MediaId, d.purpose AS Purpose, d.audience AS Audience, d.decided_at AS DecidedAt, " +
        "d.verdict AS Verdict, d.request_json AS RequestJson, d.faces_json AS FacesJson, d.consent_recheck_at AS ConsentRecheckAt";

    public string Id { get; set; } = "";

    public string MediaId { get; set; } = "";

    public string Purpose { get; set; } = "";

    public string Audience { get; set; } = "";

    public string DecidedAt { get; set; } = "";

    public string Verdict { get; set; } = "";

    public string RequestJson { get; set; } = "";

    public string FacesJson { get; set; } = "";

    public string? ConsentRecheckAt { get; set; }

    public static DecisionRow From(StoredDecision decision) => new()
    {
        Id = decision.Id,
        MediaId = decision.Request.Item.Id.Value,
        Purpose = decision.Request.Purpose.Name(),
        Audience = decision.Request.Audience.Key,
        DecidedAt = DbText.Instant(decision.DecidedAt),
        Verdict = decision.Verdict.ToString(),
        RequestJson = DecisionRequestJson.Serialize(decision.Request),
        FacesJson = JsonSerializer.Serialize(decision.Faces.Select(f => f.ToString()).ToArray()),
        ConsentRecheckAt = decision.ConsentRecheckAt is { } at ? DbText.Instant(at) : null,
    };

    public StoredDecision ToDecision(IReadOnlyList<ConsentCellKey> reliedOn)
    {
        var faces = JsonSerializer.Deserialize<string[]>(FacesJson) ?? throw new InvalidDataException("decisions.faces_json is null");
        return new StoredDecision(
            Id,
            DecisionRequestJson.Deserialize(RequestJson),
            DbText.ToInstant(DecidedAt),
            Enum.Parse<Verdict>(Verdict),
            faces.Select(Enum.Parse<FaceVisibility>).ToArray(),
            reliedOn)
        {
            ConsentRecheckAt = ConsentRecheckAt is null ? null : DbText.ToInstant(ConsentRecheckAt),
        };
    }
}
