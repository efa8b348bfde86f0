using System.Security.Cryptography;
using System.Text.Json;
using MediaGate.Consent.Decisions;
using MediaGate.Consent.Matrix;
using MediaGate.Consent.People;
using MediaGate.Data;
using MediaGate.Data.Audit;
using MediaGate.Data.Media;
using MediaGate.Gate.Parents;
using MediaGate.Ingest.Video;
using MediaGate.Storage;
using MediaGate.Storage.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MediaGate.Gate.Video;

/// <summary>
/// Playing videos (issue 14): a parent's rendition (the same choice as the image: the journal rendition of one of their
/// children, else an event rendition for their family), a short-lived link to one rendition for a <c>&lt;video&gt;</c> element
/// that cannot send the bearer header, and the manager's master. Anything not the caller's is null (404, never 403). Every
/// play and every link made is audited. A link plays only the rendition it was made for, only while that rendition still
/// exists (a withdrawal or re-make ends it) and only while the parent may still see it.
/// </summary>
public sealed class VideoPlayback(
    IMediaRepository mediaRecords,
    IAuditLog auditLog,
    IRenditionRepository renditionRecords,
    IVideoRepository videoRecords,
    IParentChildren parents,
    [FromKeyedServices(StorageServiceCollectionExtensions.RenditionStore)] IObjectStore renditions,
    [FromKeyedServices(StorageServiceCollectionExtensions.MasterStore)] IObjectStore masters,
    IOptions<VideoServiceOptions> options,
    IOptions<VideoLimits> limits,
    TimeProvider time)
{
    /// <summary>Where a link plays; the token follows.</summary>
    public const string LinkPath = "/api/parent/video-links/";

    /// <summary>The parent's rendition of the video; null when there is none for them.</summary>
    public async Task<VideoStream?> ParentVideoAsync(string mediaId, string account, string? childId, string? purpose, CancellationToken cancellationToken)
    {
        var chosen = await ChooseAsync(mediaId, account, childId, purpose, cancellationToken).ConfigureAwait(false);
        return chosen is null ? null : await PlayAsync(chosen.Value.Rendition, chosen.Value.Video, account, "parent", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A link to the rendition the parent would get now; null when there is none for them.</summary>
    public async Task<VideoLink?> CreateLinkAsync(string mediaId, string account, string? childId, string? purpose, CancellationToken cancellationToken)
    {
        var chosen = await ChooseAsync(mediaId, account, childId, purpose, cancellationToken).ConfigureAwait(false);
        if (chosen is null)
        {
            return null;
        }

        string token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = time.GetUtcNow();
        var expires = now + TimeSpan.FromSeconds(options.Value.LinkSeconds);
        await videoRecords.AddLinkAsync(new VideoLinkRecord(Hash(token), chosen.Value.Rendition.Id, mediaId, account, expires), now, cancellationToken).ConfigureAwait(false);
        await auditLog.AppendAsync(new AuditEvent(account, "video-link", mediaId,
            JsonSerializer.Serialize(new { rendition = chosen.Value.Rendition.Id, expiresAt = expires })), cancellationToken).ConfigureAwait(false);
        return new VideoLink(LinkPath + token, expires);
    }

    /// <summary>The one rendition a link was made for; null when the link is unknown, expired, or its rendition is gone or no longer the parent's.</summary>
    public async Task<VideoStream?> LinkVideoAsync(string token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }

        var link = await videoRecords.FindLinkAsync(Hash(token), time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var rendition = link is null ? null : await renditionRecords.FindByIdAsync(link.RenditionId, cancellationToken).ConfigureAwait(false);
        if (link is null || rendition is null || rendition.MediaId != link.MediaId)
        {
            return null;
        }

        var children = await parents.ChildrenOfAsync(link.AccountId, cancellationToken).ConfigureAwait(false);
        if (!children.Any(child => IsFor(rendition, child)))
        {
            return null;
        }

        var video = await videoRecords.FindRenditionAsync(rendition.Id, cancellationToken).ConfigureAwait(false);
        return video is null ? null : await PlayAsync(rendition, video, link.AccountId, "link", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The MP4 of a website rendition (by the rendition's random id, as the website's photo is), never with sound; null for
    /// anything else or once withdrawn. Audited as the website key's view.
    /// </summary>
    public async Task<VideoStream?> WebsiteVideoAsync(string renditionId, string actor, CancellationToken cancellationToken)
    {
        var rendition = Identifiers.IsGenerated(renditionId) ? await renditionRecords.FindByIdAsync(renditionId, cancellationToken).ConfigureAwait(false) : null;
        if (rendition is null || rendition.Purpose != Purpose.Website || rendition.AudienceKey != Audience.Public.Key)
        {
            return null;
        }

        var video = await videoRecords.FindRenditionAsync(rendition.Id, cancellationToken).ConfigureAwait(false);
        if (video is null || video.Sound)
        {
            // A website rendition with sound is never made; one found anyway is not served (fail closed).
            return null;
        }

        return await PlayAsync(rendition, video, actor, "website", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The unmasked master of a video (the manager's review); null when the item is not a processed video. Audited.</summary>
    public async Task<VideoStream?> MasterVideoAsync(string mediaId, string actor, CancellationToken cancellationToken)
    {
        var item = await mediaRecords.FindItemAsync(mediaId, cancellationToken).ConfigureAwait(false);
        if (item?.MasterKey is null || item.Status == MediaStatus.Deleted
            || await videoRecords.KindOfAsync(mediaId, cancellationToken).ConfigureAwait(false) != MediaKinds.Video)
        {
            return null;
        }

        var stream = await OpenSeekableAsync(masters, ObjectKey.Parse(item.MasterKey), cancellationToken).ConfigureAwait(false);
        if (stream is not null)
        {
            await auditLog.AppendAsync(new AuditEvent(actor, "view-master-video", mediaId, null), cancellationToken).ConfigureAwait(false);
        }

        return stream;
    }

    private static bool IsFor(RenditionRecord rendition, ChildId child) => rendition.Purpose switch
    {
        Purpose.Journal => rendition.AudienceKey == Audience.ParentOf(child).Key,
        Purpose.Events => ParentListRule.EventRenditionIsFor(rendition.AudienceKey, child),
        _ => false,
    };

    private async Task<(RenditionRecord Rendition, VideoRenditionRecord Video)?> ChooseAsync(
        string mediaId, string account, string? childId, string? purpose, CancellationToken cancellationToken)
    {
        Purpose? only = null;
        if (purpose is not null)
        {
            if (!PurposeNames.TryParse(purpose, out var named) || named is not (Purpose.Journal or Purpose.Events))
            {
                return null;
            }

            only = named;
        }

        if (!Identifiers.IsGenerated(mediaId))
        {
            return null;
        }

        var children = (await parents.ChildrenOfAsync(account, cancellationToken).ConfigureAwait(false))
            .Where(c => childId is null || c.Value == childId)
            .OrderBy(c => c.Value, StringComparer.Ordinal)
            .ToArray();
        var all = await renditionRecords.OfMediaAsync(mediaId, cancellationToken).ConfigureAwait(false);
        var choices = new List<RenditionRecord>();
        if (only is null or Purpose.Journal)
        {
            choices.AddRange(children.SelectMany(child => all.Where(r => r.Purpose == Purpose.Journal && IsFor(r, child))));
        }

        if (only is null or Purpose.Events)
        {
            choices.AddRange(children.SelectMany(child => all.Where(r => r.Purpose == Purpose.Events && IsFor(r, child))));
        }

        foreach (var rendition in choices)
        {
            if (await videoRecords.FindRenditionAsync(rendition.Id, cancellationToken).ConfigureAwait(false) is { } video)
            {
                return (rendition, video);
            }
        }

        return null;
    }

    private async Task<VideoStream?> PlayAsync(RenditionRecord rendition, VideoRenditionRecord video, string account, string via, CancellationToken cancellationToken)
    {
        var stream = await OpenSeekableAsync(renditions, ObjectKey.Parse(video.VideoKey), cancellationToken).ConfigureAwait(false);
        if (stream is not null)
        {
            await auditLog.AppendAsync(new AuditEvent(account, "view-video", rendition.MediaId,
                JsonSerializer.Serialize(new { rendition = rendition.Id, purpose = rendition.Purpose.Name(), via })), cancellationToken).ConfigureAwait(false);
        }

        return stream;
    }

    /// <summary>The object as a seekable stream (byte ranges need one): the store's own when it is, else a self-deleting temporary copy.</summary>
    private async Task<VideoStream?> OpenSeekableAsync(IObjectStore store, ObjectKey key, CancellationToken cancellationToken)
    {
        var source = await store.OpenReadAsync(key, cancellationToken).ConfigureAwait(false);
        if (source is null)
        {
            return null;
        }

        if (source.CanSeek)
        {
            return new VideoStream(source, source.Length);
        }

        await using (source.ConfigureAwait(false))
        {
            var copy = new FileStream(Path.Combine(Path.GetTempPath(), "mediagate-play-" + Guid.NewGuid().ToString("N")), FileMode.CreateNew, FileAccess.ReadWrite,
                FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            try
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    if (copy.Length + read > limits.Value.MaxBytes)
                    {
                        throw new VideoTooLargeException($"{key} is larger than {limits.Value.MaxBytes} bytes");
                    }

                    await copy.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                }

                copy.Position = 0;
                return new VideoStream(copy, copy.Length);
            }
            catch
            {
                await copy.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));
}
