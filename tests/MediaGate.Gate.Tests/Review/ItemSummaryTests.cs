using MediaGate.Consent.Decisions;
using MediaGate.Consent.Matrix;
using MediaGate.Consent.Media;
using MediaGate.Consent.People;
using MediaGate.Consent.ReEvaluation;
using MediaGate.Data.Media;
using MediaGate.Gate.Review;

namespace MediaGate.Gate.Tests.Review;

[TestClass]
public sealed class ItemSummaryTests
{
    private static readonly ChildId Ava = new("ava");
    private static readonly ChildId Ben = new("ben");
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);
    private static readonly ConsentSnapshot Consent = ConsentMatrix.Create([new Child(Ava, "Ava"), new Child(Ben, "Ben")], [])
        .Now(new FakeTimeProvider(Now), TimeZoneInfo.Utc);

    /// <summary>The page must never say "released" for a purpose the status says is held, or the reverse (issue 12).</summary>
    [TestMethod]
    public void Of_EveryJournalOutcomeAndManagerAction_AgreesWithTheItemsStatus()
    {
        Verdict[] verdicts = [Verdict.Release, Verdict.Hold, Verdict.Block];
        ReviewAction?[] managerActions = [null, ReviewAction.Release, ReviewAction.Mask, ReviewAction.Block];
        foreach (var forAva in verdicts)
        {
            foreach (var forBen in verdicts)
            {
                foreach (var action in managerActions)
                {
                    var decisions = new[] { Journal(Ava, forAva), Journal(Ben, forBen) };
                    ReviewActionRecord[] actions = action is { } a ? [new ReviewActionRecord("m1", Purpose.Journal, a, "manager", Now)] : [];

                    var summary = ItemSummary.Of(decisions, [], actions, Consent);

                    var status = ItemStatusRule.Of(decisions.Select(d => d.Stored).ToArray(), actions);
                    var opening = status switch
                    {
                        MediaStatus.Released => "Released to ",
                        MediaStatus.Held or MediaStatus.NeedsAssignment => "Held for the journals: ",
                        _ => action == ReviewAction.Block ? "Blocked for the journals by you." : "Not released to any journal: ",
                    };
                    StringAssert.StartsWith(summary, opening, $"Ava {forAva}, Ben {forBen}, manager {action}: status {status}");
                }
            }
        }
    }

    [TestMethod]
    public void Of_OneFamilyReleasedTheOtherBlocked_NamesBothAndWhy()
    {
        var summary = ItemSummary.Of([Journal(Ava, Verdict.Release), Journal(Ben, Verdict.Block)], [], [], Consent);

        Assert.AreEqual("Released to Ava's family's journal; not to Ben's family: Ben has no journal consent. Website and publicity: not approved.", summary);
    }

    [TestMethod]
    public void Of_WebsiteBlockedPublicityNotApproved_SaysEachPurpose()
    {
        var summary = ItemSummary.Of(
            [Journal(Ava, Verdict.Release)], [], [new ReviewActionRecord("m1", Purpose.Website, ReviewAction.Block, "manager", Now)], Consent);

        Assert.AreEqual("Released to Ava's family's journal. Website: blocked by you. Publicity: not approved.", summary);
    }

    private static (StoredDecision Stored, MediaDecision Now) Journal(ChildId family, Verdict verdict)
    {
        var item = new MediaItem(new MediaItemId("m1"), [Ava, Ben], [new MediaFace(1, new FaceBox(10, 10, 50, 50), 0.9f, false, FaceAssignment.ToChild(family))], MediaKind.Photo);
        var request = new DecisionRequest(item, Purpose.Journal, Audience.ParentOf(family), false, DecisionOptions.Default);
        DecisionReason[] reasons = verdict switch
        {
            Verdict.Hold => [new DecisionReason(ReasonCode.FaceUnassigned, ReasonEffect.Hold, "Face 2 is unassigned", 2)],
            Verdict.Block => [new DecisionReason(ReasonCode.OwnChildNotConsented, ReasonEffect.Block, $"{Consent.NameOf(family)} has no journal consent", Child: family)],
            _ => [],
        };
        var decision = new MediaDecision(verdict, [new FaceDecision(1, FaceVisibility.Show, FaceAssignment.ToChild(family))], reasons, []);
        return (StoredDecision.From("d-" + family.Value, request, decision, Now), decision);
    }
}
