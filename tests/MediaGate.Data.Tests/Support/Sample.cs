using MediaGate.Consent.Decisions;
using MediaGate.Consent.Matrix;
using MediaGate.Consent.Media;
using MediaGate.Consent.People;

namespace MediaGate.Data.Tests.Support;

/// <summary>Small pieces of test data; each test makes its own database and writes what it needs.</summary>
internal static class Sample
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    public static readonly ChildId Ava = new("ava");
    public static readonly ChildId Ben = new("ben");

    public static ConsentRecord Grant(ChildId child, Purpose purpose, DateTimeOffset recordedAt, bool group = false) =>
        new(child, purpose, true, group, "Mother", "FORM-" + child, new DateOnly(2025, 9, 1), new DateOnly(2026, 9, 1), null, recordedAt);

    public static MediaItem GroupPhoto(string id) => new(new MediaItemId(id), [Ava, Ben],
    [
        new MediaFace(1, new FaceBox(10, 20, 30, 40), 0.91f, false, FaceAssignment.ToChild(Ava)),
        new MediaFace(2, new FaceBox(110, 20, 30, 40), 0.62f, true, FaceAssignment.ToChild(Ben)),
        new MediaFace(3, new FaceBox(210, 20, 30, 40), 0.88f, false, FaceAssignment.StaffAdult),
    ], MediaKind.Photo);

    public static DecisionRequest ForParentOfBen(MediaItem item) =>
        new(item, Purpose.Journal, Audience.ParentOf(Ben), false, new DecisionOptions(JournalMaskPolicy.MaskAndRelease, StaffAdultPolicy.Show));

    public static async Task AddChildrenAsync(MediaGateDatabase database)
    {
        await database.Children.AddAsync(new Child(Ava, "Ava", "Robins"));
        await database.Children.AddAsync(new Child(Ben, "Ben"));
    }
}
