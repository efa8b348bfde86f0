using System.Text.Json;
using MediaGate.Consent.Decisions;
using MediaGate.Consent.Matrix;
using MediaGate.Consent.People;
using MediaGate.Data;
using MediaGate.Data.Audit;
using MediaGate.Data.Media;
using MediaGate.Gate.Outcomes;
using MediaGate.Gate.Parents;
using MediaGate.Storage;
using MediaGate.Storage.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace MediaGate.Gate.Renditions;

/// <summary>
/// The one way a rendition leaves the service (issue 13, section 1): a parent's journal or event copy, the website's
/// feed photo and the manager's publicity copy. Each is looked up for exactly its audience, read whole and bounded by
/// <see cref="MaxBytes"/>, and audited before it is handed out; anything else is "not found", never "forbidden"
/// (product.md: a caller learns nothing about what is not theirs). Renditions exist only while consent and approval
/// stand (<see cref="RenditionPolicy"/>), so a withdrawn one is simply not there.
/// </summary>
public sealed class RenditionDownload(
    IRenditionRepository renditions,
    IAuditLog audit,
    IParentChildren parents,
    [FromKeyedServices(StorageServiceCollectionExtensions.RenditionStore)] IObjectStore store)
{
    /// <summary>Renditions are at most 2048 px JPEGs; anything larger in the store is not served.</summary>
    public const long MaxBytes = 32L * 1024 * 1024;

    private const string Jpeg = "image/jpeg";

    private static readonly GateProblem NotFound = GateProblem.NotFound("Not found");

    /// <summary>
    /// The rendition made for one of <paramref name="account"/>'s children: the journal copy first, then an event's copy
    /// whose audience names the child's family. <paramref name="childId"/> picks the child (else the first by id with a
    /// rendition), <paramref name="purpose"/> one of <c>journal</c> or <c>events</c>. Audited as a view.
    /// </summary>
    public async Task<GateOutcome<RenditionFile>> ForParentAsync(
        string? account, string mediaId, string? childId, string? purpose, CancellationToken cancellationToken = default)
    {
        Purpose? only = null;
        if (purpose is not null)
        {
            if (!PurposeNames.TryParse(purpose, out var named) || named is not (Purpose.Journal or Purpose.Events))
            {
                return NotFound;
            }

            only = named;
        }

        if (account is null || !Identifiers.IsGenerated(mediaId))
        {
            return NotFound;
        }

        // The parent's children in a fixed order: a parent of two children in one photo gets the first one's rendition.
        var children = (await parents.ChildrenOfAsync(account, cancellationToken).ConfigureAwait(false))
            .Where(c => childId is null || c.Value == childId)
            .OrderBy(c => c.Value, StringComparer.Ordinal)
            .ToArray();
        var events = only is null or Purpose.Events && children.Length > 0
            ? (await renditions.OfMediaAsync(mediaId, cancellationToken).ConfigureAwait(false)).Where(r => r.Purpose == Purpose.Events).ToArray()
            : [];
        var choices = new List<(ChildId Child, RenditionRecord? Rendition)>();
        if (only is null or Purpose.Journal)
        {
            foreach (var child in children)
            {
                choices.Add((child, await renditions.FindAsync(mediaId, Purpose.Journal, Audience.ParentOf(child).Key, cancellationToken).ConfigureAwait(false)));
            }
        }

        choices.AddRange(children.SelectMany(child => events.Where(r => ParentListRule.EventRenditionIsFor(r.AudienceKey, child)).Select(r => (child, (RenditionRecord?)r))));
        foreach (var (child, rendition) in choices)
        {
            if (rendition is not null && await ReadAsync(rendition, cancellationToken).ConfigureAwait(false) is { } file)
            {
                await audit.AppendAsync(new AuditEvent(account, "view", mediaId, JsonSerializer.Serialize(
                    new { rendition = rendition.Id, child = child.Value, purpose = rendition.Purpose.Name() })), cancellationToken).ConfigureAwait(false);
                return file;
            }
        }

        return NotFound;
    }

    /// <summary>
    /// A photo of the website's feed by its rendition id (never the media id); audited as a view by the website key
    /// <paramref name="keyName"/> (product.md: every view is in the audit log, the website's too, by the key's name).
    /// </summary>
    public async Task<GateOutcome<RenditionFile>> ForWebsiteAsync(string renditionId, string keyName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyName);
        if (!Identifiers.IsGenerated(renditionId))
        {
            return NotFound;
        }

        var rendition = await renditions.FindByIdAsync(renditionId, cancellationToken).ConfigureAwait(false);
        if (rendition is null || rendition.Purpose != Purpose.Website || rendition.AudienceKey != Audience.Public.Key
            || await ReadAsync(rendition, cancellationToken).ConfigureAwait(false) is not { } file)
        {
            return NotFound;
        }

        await audit.AppendAsync(new AuditEvent("website:" + keyName, "view", rendition.MediaId, JsonSerializer.Serialize(new { rendition = rendition.Id })),
            cancellationToken).ConfigureAwait(false);
        return file;
    }

    /// <summary>
    /// The publicity rendition for the manager to post: it exists only while the manager's approval and every shown
    /// child's publicity consent stand, so there is nothing before approval or after a withdrawal. No names in it
    /// (product.md). Audited as an export.
    /// </summary>
    public async Task<GateOutcome<RenditionFile>> PublicityAsync(string mediaId, string? actor, CancellationToken cancellationToken = default)
    {
        if (actor is null || !Identifiers.IsGenerated(mediaId))
        {
            return NotFound;
        }

        var rendition = await renditions.FindAsync(mediaId, Purpose.Publicity, Audience.Public.Key, cancellationToken).ConfigureAwait(false);
        if (rendition is null || await ReadAsync(rendition, cancellationToken).ConfigureAwait(false) is not { } file)
        {
            return NotFound with { Detail = "The item has no approved publicity rendition." };
        }

        await audit.AppendAsync(new AuditEvent(actor, "export-publicity", mediaId, JsonSerializer.Serialize(new { rendition = rendition.Id })), cancellationToken)
            .ConfigureAwait(false);
        return file;
    }

    /// <summary>The rendition's file; null when its object is gone (withdrawn at this moment: the row goes next).</summary>
    private async Task<RenditionFile?> ReadAsync(RenditionRecord rendition, CancellationToken cancellationToken) =>
        ObjectKey.TryParse(rendition.ObjectKey, out var key)
        && await StoredObjects.ReadAllAsync(store, key, MaxBytes, cancellationToken).ConfigureAwait(false) is { } bytes
            ? new RenditionFile(bytes, Jpeg)
            : null;
}
