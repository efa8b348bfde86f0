using MediaGate.Consent.Media;
using MediaGate.Consent.People;
using MediaGate.Data.Media;
using MediaGate.Data.Tests.Support;

namespace MediaGate.Data.Tests.Media;

/// <summary>Uploads for the media repository tests; each test makes its own.</summary>
internal static class MediaSample
{
    public const string Work = "process";

    public static string NewId() => Guid.NewGuid().ToString("N");

    public static NewUpload Upload(int files, IReadOnlyList<ChildId> children, IdempotencyRecord? key = null, string? observationId = null)
    {
        var observation = new ObservationRecord(observationId ?? NewId(), "tablet-1", "staff-1", Sample.Now.AddMinutes(-5), Sample.Now, "Painting", children);
        var items = Enumerable.Range(0, files).Select(i =>
        {
            var id = NewId();
            return new MediaItemRecord(id, observation.Id, i, new string((char)('a' + i), 64), 1000 + i, "uploads/" + id, null, null, null,
                MediaStatus.Processing, null, Sample.Now, Sample.Now, children);
        }).ToArray();
        return new NewUpload(observation, items, Work, key);
    }

    public static IdempotencyRecord Key(string observationId, string fingerprint = "fp-1") =>
        new("tablet-1", "key-1", fingerprint, observationId, "{\"observationId\":\"" + observationId + "\"}", Sample.Now);

    public static DetectedFaceRecord Face(int number) => new(number, new FaceBox(10 * number, 20, 30, 40), 0.9f, false);
}
