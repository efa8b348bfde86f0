using System.Text.Json;
using MediaGate.Consent.Media;
using MediaGate.Consent.People;
using MediaGate.Data;
using MediaGate.Data.Audit;
using MediaGate.Data.Identity;
using MediaGate.Data.Media;
using MediaGate.Gate.Children;
using MediaGate.Gate.Observations;
using MediaGate.Gate.Outcomes;
using MediaGate.Gate.Processing;

namespace MediaGate.Gate.Faces;

/// <summary>
/// Staff say whose the faces of their own uploads are (api.md <c>PUT /api/tablet/media/{id}/faces</c>; issue 7,
/// section 6; issue 12, section 2): a tagged child, a staff adult, not a child in our setting, or not a face at all (the
/// detection then gets no mask and does not count; each such answer is audited as <c>not-a-face</c> with the detection's
/// number, score and strength, so the manager can spot-check dismissals of certain faces). The assignments are applied in one
/// transaction (all or none), then the item is re-decided at once and its renditions refreshed
/// (<see cref="DecideItem"/>). Only staff whom <see cref="StaffReadRule"/> allows may assign, and only children still
/// at the setting may be named; anyone else is told, as for an item that does not exist, that there is none. A face the manager named is not the tablet's to change (a conflict).
/// </summary>
public sealed class AssignFaces(IAccountRepository accounts, IAuditLog auditLog, IMediaRepository mediaRepository, DecideItem decide, ReadObservation read, TimeProvider time, ChildrenWhoLeft childrenWhoLeft)
{
    /// <summary>The audit action of a detection said not to be a face.</summary>
    public const string NotAFaceAuditAction = "not-a-face";

    private const int MaxAssignments = 200;

    private const string NotAssigned = "Faces not assigned";

    private static readonly GateProblem NoSuchItem = GateProblem.NotFound("Not found", "There is no such item.");

    public async Task<GateOutcome<MediaItemView>> ByTabletAsync(
        string mediaId, TabletCaller caller, IReadOnlyList<FaceAssignmentInput>? input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var item = await mediaRepository.FindItemAsync(mediaId, cancellationToken).ConfigureAwait(false);
        if (item is null)
        {
            return NoSuchItem;
        }

        var observation = await mediaRepository.FindObservationAsync(item.ObservationId, cancellationToken).ConfigureAwait(false);
        if (observation is null)
        {
            return NoSuchItem;
        }

        if (!StaffReadRule.Allows(observation, caller, time.GetUtcNow()))
        {
            return NoSuchItem with { Kind = GateProblemKind.Forbidden };
        }

        if (Parse(input) is not { } changes)
        {
            return GateProblem.Invalid(NotAssigned, 
                "The body is a non-empty JSON array of {\"faceId\", \"childId\" | null, \"kind\"?}, each face once; kind is child, staff, not-a-child, not-a-face or unassigned, and a child id goes with kind child only.");
        }

        // Children who have left are named no more, as uploads no longer tag them (fail closed: their copies are being deleted).
        if (await childrenWhoLeft.AmongAsync(changes.Select(c => c.Assignment.Child?.Value), cancellationToken).ConfigureAwait(false) is { Length: > 0 } leavers)
        {
            return GateProblem.Invalid(NotAssigned, $"These children have left the setting and cannot be named: {string.Join(", ", leavers.Take(5))}.");
        }

        if (item.MasterKey is null || item.Status == MediaStatus.Failed)
        {
            return GateProblem.Conflict(NotAssigned, $"The item is {item.Status.Name()}: its faces can be assigned once it has been processed.");
        }

        // The manager's answer is final (issue 12, section 2): a tablet may not undo it, e.g. turn a face the manager
        // named as someone outside the setting into "not a face", which would unmask it in every family's copy.
        if (await NamedByTheManagerAsync(mediaId, changes, cancellationToken).ConfigureAwait(false))
        {
            return GateProblem.Conflict(NotAssigned, "The manager has named this face: it can now be changed only in the manager's review.");
        }

        if (!await mediaRepository.AssignFacesAsync(mediaId, changes, caller.StaffId, time.GetUtcNow(), cancellationToken).ConfigureAwait(false))
        {
            return GateProblem.Invalid(NotAssigned, "A face id is not one of this item's faces, or a child id is not a child of the setting.");
        }

        await auditLog.AppendAsync(new AuditEvent(caller.StaffId, "face-assignment", mediaId, JsonSerializer.Serialize(new
        {
            device = caller.DeviceId,
            assignments = changes.Select(c => new { faceId = c.FaceId, kind = c.Assignment.Kind.Name(), childId = c.Assignment.Child?.Value }),
        })), cancellationToken).ConfigureAwait(false);
        await AuditDismissalsAsync(mediaId, changes, caller, cancellationToken).ConfigureAwait(false);
        await decide.DecideAsync(mediaId, caller.StaffId, cancellationToken).ConfigureAwait(false);
        var updated = await mediaRepository.FindItemAsync(mediaId, cancellationToken).ConfigureAwait(false);
        return await read.ViewAsync(updated!, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>True when one of the faces to change holds an answer a manager gave.</summary>
    private async Task<bool> NamedByTheManagerAsync(string mediaId, FaceAssignmentChange[] changes, CancellationToken cancellationToken)
    {
        var faces = await mediaRepository.FacesAsync(mediaId, cancellationToken).ConfigureAwait(false);
        foreach (var by in faces.Where(f => changes.Any(c => c.FaceId == f.FaceId)).Select(f => f.AssignedBy).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            if (by != DecideItem.AutoAssigner && await accounts.FindAsync(by, cancellationToken).ConfigureAwait(false) is { Role: AccountRole.Manager })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// One audit event per detection said not to be a face (product.md: "audited with the detection's score"): it is the
    /// one answer that removes a mask, so each carries what the detector saw.
    /// </summary>
    private async Task AuditDismissalsAsync(string mediaId, FaceAssignmentChange[] changes, TabletCaller caller, CancellationToken cancellationToken)
    {
        if (!Array.Exists(changes, c => c.Assignment.Kind == FaceAssignmentKind.NotAFace))
        {
            return;
        }

        var faces = await mediaRepository.FacesAsync(mediaId, cancellationToken).ConfigureAwait(false);
        foreach (var change in changes.Where(c => c.Assignment.Kind == FaceAssignmentKind.NotAFace))
        {
            var face = faces.First(f => f.FaceId == change.FaceId);
            await auditLog.AppendAsync(new AuditEvent(caller.StaffId, NotAFaceAuditAction, mediaId,
                NotAFaceAudit.Detail(face, caller.DeviceId)), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The changes the input asks for, or null when it is not a valid request.</summary>
    internal static FaceAssignmentChange[]? Parse(IReadOnlyList<FaceAssignmentInput>? input)
    {
        if (input is null || input.Count == 0 || input.Count > MaxAssignments)
        {
            return null;
        }

        var changes = new FaceAssignmentChange[input.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < input.Count; i++)
        {
            var one = input[i];
            if (one is null || string.IsNullOrWhiteSpace(one.FaceId) || !seen.Add(one.FaceId) || ToAssignment(one) is not { } assignment)
            {
                return null;
            }

            changes[i] = new FaceAssignmentChange(one.FaceId, assignment);
        }

        return changes;
    }

    private static FaceAssignment? ToAssignment(FaceAssignmentInput input)
    {
        bool hasChild = !string.IsNullOrWhiteSpace(input.ChildId);
        FaceAssignmentKind kind;
        if (input.Kind is null)
        {
            kind = hasChild ? FaceAssignmentKind.Child : FaceAssignmentKind.Unassigned;
        }
        else if (!FaceAssignmentNames.TryParse(input.Kind, out kind))
        {
            return null;
        }

        return (kind, hasChild) switch
        {
            (FaceAssignmentKind.Child, true) => FaceAssignment.ToChild(new ChildId(input.ChildId!)),
            (FaceAssignmentKind.StaffAdult, false) => FaceAssignment.StaffAdult,
            (FaceAssignmentKind.Unknown, false) => FaceAssignment.Unknown,
            (FaceAssignmentKind.NotAFace, false) => FaceAssignment.NotAFace,
            (FaceAssignmentKind.Unassigned, false) => FaceAssignment.Unassigned,
            _ => null,
        };
    }
}
