using MediaGate.Consent.Matrix;
using MediaGate.Consent.People;
using MediaGate.Gate.Dashboard;

namespace MediaGate.Gate.Tests.Dashboard;

[TestClass]
public sealed class ConsentReviewDatesTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 10, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 6, 10);

    [TestMethod]
    public void Due_GrantsWithReviewDates_ListsThoseWithinTheHorizonOrPassedSoonestFirst()
    {
        var ava = new Child(new ChildId("ava"), "Ava", "Robins");
        var ben = new Child(new ChildId("ben"), "Ben", "Robins");
        ConsentRecord Grant(Child child, Purpose purpose, DateOnly? lapsesOn) =>
            new(child.Id, purpose, true, false, "Mother", "form", new DateOnly(2025, 7, 1), lapsesOn, null, Now.AddDays(-30));
        var withdrawn = Grant(ben, Purpose.Publicity, Today.AddDays(3));
        var matrix = ConsentMatrix.Create([ava, ben],
        [
            Grant(ava, Purpose.Journal, Today.AddDays(20)),
            Grant(ava, Purpose.Website, Today.AddDays(45)),   // beyond the horizon
            Grant(ben, Purpose.Journal, Today.AddDays(-2)),   // lapsed: must be renewed
            Grant(ben, Purpose.Website, null),                // no review date
            withdrawn,
            withdrawn.WithdrawnAt(Now.AddDays(-1)),           // withdrawn: nothing to review
            new ConsentRecord(ava.Id, Purpose.Events, false, false, "Mother", "form", Today, Today.AddDays(1), null, Now.AddDays(-1)), // a refusal
        ]);

        var due = ConsentReviewDates.Due(matrix, Now, Today, 30);

        CollectionAssert.AreEqual(
            new[]
            {
                new DueConsent("ben", "Ben", "journal", Today.AddDays(-2)),
                new DueConsent("ava", "Ava", "journal", Today.AddDays(20)),
            },
            due.ToArray());
    }
}
