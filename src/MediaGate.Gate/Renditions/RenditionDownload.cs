using System.Security.Cryptography;
using System.Text.Json;
using MediaGate.Consent.Decisions;
using MediaGate.Consent.Matrix;
using MediaGate.Consent.People;
using MediaGate.Data;
using MediaGate.Data.Audit;
using MediaGate.Data.Media;
using MediaGate.Gate.Outcomes;
using MediaGate.Gate.Parents;
using MediaGate.Gate.Video;
using MediaGate.Ingest.Video;
using MediaGate.Storage;
using MediaGate.Storage.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MediaGate.Gate.Renditions;

/// <summary>
/// The one way a rendition leaves the service (issue 13, section 1), picture or clip: a parent's journal or event copy (a
/// clip also through a short-lived link, for a <c>&lt;video&gt;</c> element that cannot send the bearer header), the website's
/// feed photo or silent clip, and the manager's publicity copy. Each is looked up for exactly its audience (a parent's by
/// <see cref="IsFor"/>), bounded (<see cref="MaxBytes"/> for a picture, read whole; <c>Video:Limits:MaxBytes</c> for a clip,
/// opened for byte ranges) and audited before it is handed out (<see cref="AuditAsync"/>); anything else is "not found", never
/// "forbidden" (product.md: a caller learns nothing about what is not theirs). Renditions exist only while consent and
/// approval stand (<see cref="RenditionPolicy"/>), so a withdrawn one is simply not there, and a link to it plays nothing.
/// </summary>
public sealed class RenditionDownload(
    IRenditionRepository renditions,
    IVideoRepository videos,
    IAuditLog audit,
    IParentChildren parents,
    [FromKeyedServices(StorageServiceCollectionExtensions.RenditionStore)] IObjectStore store,
    IOptions<VideoLimits> clipLimits,
    IOptions<VideoServiceOptions> videoOptions,
    TimeProvider time)
{
    /// <summary>Renditions are at most 2048 px JPEGs; anything larger in the store is not served.</summary>
    public const long MaxBytes = 32L * 1024 * 1024;

    /// <summary>Where a parent's link plays; the token follows.</summary>
    public const string LinkPath = "/api/parent/video-links/";

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
        foreach (var (child, rendition) in await ParentChoicesAsync(account, mediaId, childId, purpose, cancellationToken).ConfigureAwait(false))
        {
            if (await ReadAsync(rendition, cancellationToken).ConfigureAwait(false) is { } file)
            {
                await AuditAsync(account!, "view", rendition, new { rendition = rendition.Id, child = child.Value, purpose = rendition.Purpose.Name() }, cancellationToken)
                    .ConfigureAwait(false);
                return file;
            }
        }

        return NotFound;
    }

    /// <summary>The parent's clip of a video, chosen as <see cref="ForParentAsync"/> chooses the picture. Audited as a play.</summary>
    public async Task<GateOutcome<VideoStream>> ClipForParentAsync(
        string? account, string mediaId, string? childId, string? purpose, CancellationToken cancellationToken = default)
    {
        var chosen = await ParentClipAsync(account, mediaId, childId, purpose, cancellationToken).ConfigureAwait(false);
        return chosen is null ? NotFound : await PlayAsync(chosen.Value.Rendition, chosen.Value.Clip, account!, "parent", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A link to the clip the parent would get now, for <c>Video:LinkSeconds</c>: it plays only that rendition, only while the
    /// rendition exists and is still the parent's (<see cref="ClipByLinkAsync"/>). Audited.
    /// </summary>
    public async Task<GateOutcome<VideoLink>> LinkForParentAsync(
        string? account, string mediaId, string? childId, string? purpose, CancellationToken cancellationToken = default)
    {
        var chosen = await ParentClipAsync(account, mediaId, childId, purpose, cancellationToken).ConfigureAwait(false);
        if (chosen is null)
        {
            return NotFound;
        }

        string token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = time.GetUtcNow();
        var expires = now + TimeSpan.FromSeconds(videoOptions.Value.LinkSeconds);
        var rendition = chosen.Value.Rendition;
        await videos.AddLinkAsync(new VideoLinkRecord(Hash(token), rendition.Id, mediaId, account!, expires), now, cancellationToken).ConfigureAwait(false);
        await AuditAsync(account!, "video-link", rendition, new { rendition = rendition.Id, expiresAt = expires }, cancellationToken).ConfigureAwait(false);
        return new VideoLink(LinkPath + token, expires);
    }

    /// <summary>The one clip a link was made for; not found when the link is unknown, expired, or its rendition is gone or no longer the parent's.</summary>
    public async Task<GateOutcome<VideoStream>> ClipByLinkAsync(string token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return NotFound;
        }

        var link = await videos.FindLinkAsync(Hash(token), time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var rendition = link is null ? null : await renditions.FindByIdAsync(link.RenditionId, cancellationToken).ConfigureAwait(false);
        if (link is null || rendition is null || rendition.MediaId != link.MediaId)
        {
            return NotFound;
        }

        var children = await parents.ChildrenOfAsync(link.AccountId, cancellationToken).ConfigureAwait(false);
        var clip = children.Any(child => IsFor(rendition, child))
            ? await videos.FindRenditionAsync(rendition.Id, cancellationToken).ConfigureAwait(false)
            : null;
        return clip is null ? NotFound : await PlayAsync(rendition, clip, link.AccountId, "link", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A photo of the website's feed by its rendition id (never the media id); audited as a view by the website key
    /// <paramref name="keyName"/> (product.md: every view is in the audit log, the website's too, by the key's name).
    /// </summary>
    public async Task<GateOutcome<RenditionFile>> ForWebsiteAsync(string renditionId, string keyName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyName);
        var rendition = await WebsiteRenditionAsync(renditionId, cancellationToken).ConfigureAwait(false);
        if (rendition is null || await ReadAsync(rendition, cancellationToken).ConfigureAwait(false) is not { } file)
        {
            return NotFound;
        }

        await AuditAsync(WebsiteActor(keyName), "view", rendition, new { rendition = rendition.Id }, cancellationToken).ConfigureAwait(false);
        return file;
    }

    /// <summary>The MP4 of a website rendition by its random id, as the website's photo is, never with sound. Audited as the key's play.</summary>
    public async Task<GateOutcome<VideoStream>> ClipForWebsiteAsync(string renditionId, string keyName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyName);
        var rendition = await WebsiteRenditionAsync(renditionId, cancellationToken).ConfigureAwait(false);
        var clip = rendition is null ? null : await videos.FindRenditionAsync(rendition.Id, cancellationToken).ConfigureAwait(false);
        // A website rendition with sound is never made; one found anyway is not served (fail closed).
        return clip is null || clip.Sound
            ? NotFound
            : await PlayAsync(rendition!, clip, WebsiteActor(keyName), "website", cancellationToken).ConfigureAwait(false);
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

        await AuditAsync(actor, "export-publicity", rendition, new { rendition = rendition.Id }, cancellationToken).ConfigureAwait(false);
        return file;
    }

    /// <summary>Whether a parent rendition is for <paramref name="child"/>'s family: the child's journal copy, or an event copy naming the child.</summary>
    private static bool IsFor(RenditionRecord rendition, ChildId child) => rendition.Purpose switch
    {
        Purpose.Journal => rendition.AudienceKey == Audience.ParentOf(child).Key,
        Purpose.Events => ParentListRule.EventRenditionIsFor(rendition.AudienceKey, child),
        _ => false,
    };

    private static string WebsiteActor(string keyName) => "website:" + keyName;

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));

    /// <summary>
    /// The renditions a parent may be given, in the order they are tried: the parent's children by id (or the one named),
    /// each child's journal copy first, then the event copies naming a child. None for an unknown purpose, account or id.
    /// </summary>
    private async Task<IReadOnlyList<(ChildId Child, RenditionRecord Rendition)>> ParentChoicesAsync(
        string? account, string mediaId, string? childId, string? purpose, CancellationToken cancellationToken)
    {
        Purpose? only = null;
        if (purpose is not null)
        {
            if (!PurposeNames.TryParse(purpose, out var named) || named is not (Purpose.Journal or Purpose.Events))
            {
                return [];
            }

            only = named;
        }

        if (account is null || !Identifiers.IsGenerated(mediaId))
        {
            return [];
        }

        var children = (await parents.ChildrenOfAsync(account, cancellationToken).ConfigureAwait(false))
            .Where(c => childId is null || c.Value == childId)
            .OrderBy(c => c.Value, StringComparer.Ordinal)
            .ToArray();
        if (children.Length == 0)
        {
            return [];
        }

        var all = (await renditions.OfMediaAsync(mediaId, cancellationToken).ConfigureAwait(false))
            .Where(r => only is null || r.Purpose == only)
            .ToArray();
        return
        [
            .. children.SelectMany(child => all.Where(r => r.Purpose == Purpose.Journal && IsFor(r, child)).Select(r => (child, r))),
            .. children.SelectMany(child => all.Where(r => r.Purpose == Purpose.Events && IsFor(r, child)).Select(r => (child, r))),
        ];
    }

    private async Task<(RenditionRecord Rendition, VideoRenditionRecord Clip)?> ParentClipAsync(
        string? account, string mediaId, string? childId, string? purpose, CancellationToken cancellationToken)
    {
        foreach (var (_, rendition) in await ParentChoicesAsync(account, mediaId, childId, purpose, cancellationToken).ConfigureAwait(false))
        {
            if (await videos.FindRenditionAsync(rendition.Id, cancellationToken).ConfigureAwait(false) is { } clip)
            {
                return (rendition, clip);
            }
        }

        return null;
    }

    private async Task<RenditionRecord?> WebsiteRenditionAsync(string renditionId, CancellationToken cancellationToken)
    {
        var rendition = Identifiers.IsGenerated(renditionId) ? await renditions.FindByIdAsync(renditionId, cancellationToken).ConfigureAwait(false) : null;
        return rendition is { Purpose: Purpose.Website } && rendition.AudienceKey == Audience.Public.Key ? rendition : null;
    }

    /// <summary>The rendition's picture; null when its object is gone (withdrawn at this moment: the row goes next).</summary>
    private async Task<RenditionFile?> ReadAsync(RenditionRecord rendition, CancellationToken cancellationToken) =>
        ObjectKey.TryParse(rendition.ObjectKey, out var key)
        && await StoredObjects.ReadAllAsync(store, key, MaxBytes, cancellationToken).ConfigureAwait(false) is { } bytes
            ? new RenditionFile(bytes, Jpeg)
            : null;

    /// <summary>The clip opened for byte ranges, bounded by <c>Video:Limits:MaxBytes</c>, and audited; not found when its object is gone.</summary>
    private async Task<GateOutcome<VideoStream>> PlayAsync(
        RenditionRecord rendition, VideoRenditionRecord clip, string actor, string via, CancellationToken cancellationToken)
    {
        if (!ObjectKey.TryParse(clip.VideoKey, out var key)
            || await StoredObjects.OpenSeekableAsync(store, key, clipLimits.Value.MaxBytes, cancellationToken).ConfigureAwait(false) is not { } opened)
        {
            return NotFound;
        }

        await AuditAsync(actor, "view-video", rendition, new { rendition = rendition.Id, purpose = rendition.Purpose.Name(), via }, cancellationToken).ConfigureAwait(false);
        return new VideoStream(opened.Content, opened.Length);
    }

    /// <summary>The audit entry of every rendition that leaves (and of every link made to one): who, how, which item and rendition.</summary>
    private Task AuditAsync(string actor, string action, RenditionRecord rendition, object detail, CancellationToken cancellationToken) =>
        audit.AppendAsync(new AuditEvent(actor, action, rendition.MediaId, JsonSerializer.Serialize(detail)), cancellationToken);
}
