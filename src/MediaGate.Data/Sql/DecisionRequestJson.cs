using System.Text.Json;
using MediaGate.Consent.Decisions;
using MediaGate.Consent.Matrix;
using MediaGate.Consent.Media;
using MediaGate.Consent.People;
using MediaGate.Data.Media;

namespace MediaGate.Data.Sql;

/// <summary>
/// A decision's inputs (besides consent) as stored JSON: the faces with boxes, scores and assignments, the
/// tags, purpose, audience and options, so the decision can be recomputed without the image, and the item's kind
/// (<c>photo</c> or <c>video</c>, for the reasons' words); a request stored before the kind was kept has none and reads
/// as a photo (the review re-reads the kind from the item).
/// </summary>
internal sealed record DecisionRequestJson(
    string MediaId,
    string[] Tagged,
    FaceJson[] Faces,
    string Purpose,
    string Audience,
    bool ManagerApproved,
    JournalMaskPolicy JournalMasks,
    StaffAdultPolicy StaffAdults,
    string? Kind = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Serialize(DecisionRequest request) => JsonSerializer.Serialize(From(request), Json);

    public static DecisionRequest Deserialize(string json) =>
        (JsonSerializer.Deserialize<DecisionRequestJson>(json, Json) ?? throw new InvalidDataException("decisions.request_json is null")).ToRequest();

    private static DecisionRequestJson From(DecisionRequest request) => new(
        request.Item.Id.Value,
        request.Item.TaggedChildren.Select(c => c.Value).ToArray(),
        request.Item.Faces.Select(FaceJson.From).ToArray(),
        request.Purpose.Name(),
        request.Audience.Key,
        request.ManagerApproved,
        request.Options.JournalPhotoNeedingMasks,
        request.Options.StaffAdults,
        MediaKinds.Name(request.Item.Kind));

    private DecisionRequest ToRequest()
    {
        if (!PurposeNames.TryParse(Purpose, out var purpose) || Consent.Decisions.Audience.Parse(Audience) is not { } audience)
        {
            throw new InvalidDataException($"decisions.request_json has an unknown purpose '{Purpose}' or audience '{Audience}'");
        }

        var item = new MediaItem(new MediaItemId(MediaId), Tagged.Select(c => new ChildId(c)).ToArray(), Faces.Select(f => f.ToFace()).ToArray(), MediaKinds.Of(Kind));
        return new DecisionRequest(item, purpose, audience, ManagerApproved, new DecisionOptions(JournalMasks, StaffAdults));
    }
}
