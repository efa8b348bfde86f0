using MediaGate.Consent.Matrix;
using MediaGate.Consent.Media;
using MediaGate.Consent.People;

namespace MediaGate.Consent.Decisions;

/// <summary>The rules about who may receive an item at all (product.md, "The decision").</summary>
internal static class AudienceRules
{
    public static bool Fits(Purpose purpose, AudienceKind audience) => audience switch
    {
        AudienceKind.Manager => true,
        AudienceKind.ParentOfChild => purpose == Purpose.Journal,
        AudienceKind.Public => purpose is Purpose.Website or Purpose.Publicity,
        AudienceKind.EventFamilies => purpose == Purpose.Events,
        _ => false,
    };

    public static void Check(DecisionRequest request, List<ChildId> tagged, DecisionDraft draft, ConsentSnapshot consent)
    {
        switch (request.Audience.Kind)
        {
            case AudienceKind.ParentOfChild:
                CheckParent(request.Audience.Children[0], request.Item.Kind, tagged, draft, consent);
                break;
            case AudienceKind.EventFamilies:
                CheckEventFamilies(request.Audience, draft, consent);
                break;
            case AudienceKind.Public when !request.ManagerApproved:
                // product.md: "website and publicity are never released without a manager's approval".
                draft.Add(ReasonCode.AwaitingManagerApproval, ReasonEffect.Hold, $"Awaiting manager approval for {request.Purpose.Name()} use");
                break;
            default:
                break;
        }
    }

    /// <summary>Parents see their own child's images only, and only with that child's journal consent.</summary>
    private static void CheckParent(ChildId child, MediaKind kind, List<ChildId> tagged, DecisionDraft draft, ConsentSnapshot consent)
    {
        var name = consent.NameOf(child);
        var noun = ReasonSentences.Noun(kind);
        if (!tagged.Contains(child))
        {
            draft.Add(ReasonCode.NotTheirChild, ReasonEffect.Block, $"{name} is not tagged in this {noun}, so it is not for {name}'s family", child: child);
            return;
        }

        var cell = new ConsentCellKey(child, Purpose.Journal);
        draft.ReliesOn(cell);
        var status = consent.Status(child, Purpose.Journal);
        if (status != ConsentStatus.Granted)
        {
            var (_, why) = ReasonSentences.NotGranted(name, Purpose.Journal, status, consent.Record(cell));
            draft.Add(ReasonCode.OwnChildNotConsented, ReasonEffect.Block, $"{why}: the {noun} is not kept in {name}'s journal", child: child);
        }
    }

    /// <summary>Event recordings go only to the families of children who attended.</summary>
    private static void CheckEventFamilies(Audience audience, DecisionDraft draft, ConsentSnapshot consent)
    {
        if (audience.Children.Count == 0)
        {
            draft.Add(ReasonCode.NoEventFamilies, ReasonEffect.Block, "No families were named for this event rendition");
        }

        foreach (var family in audience.Children)
        {
            if (!audience.Attendees.Contains(family))
            {
                draft.Add(ReasonCode.FamilyDidNotAttend, ReasonEffect.Block,
                    $"{consent.NameOf(family)} did not attend the event, so their family does not receive its recordings", child: family);
            }
        }
    }
}
