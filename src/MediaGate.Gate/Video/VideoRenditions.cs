using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MediaGate.Consent.Decisions;
using MediaGate.Consent.Matrix;
using MediaGate.Consent.Media;
using MediaGate.Consent.ReEvaluation;
using MediaGate.Data;
using MediaGate.Data.Media;
using MediaGate.Data.Retention;
using MediaGate.Gate.Renditions;
using MediaGate.Gate.Retention;
using MediaGate.Ingest;
using MediaGate.Ingest.Encode;
using MediaGate.Ingest.Video;
using MediaGate.Storage;
using MediaGate.Storage.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MediaGate.Gate.Video;

/// <summary>
/// Renditions of a video per audience (issue 14), as <see cref="RenditionService"/> makes them for photos and from the same
/// stored decisions and the same <see cref="RenditionPolicy.Releases"/>: for each released decision the master is rendered
/// again with the tracks that audience may not see masked (every track not shown is masked: fail closed), with sound only for
/// the journal and events when the setting keeps it (never the website or publicity), plus a masked poster JPEG taken from that
/// rendition. The renditions row's object is the poster (so every path that serves a rendition as a picture serves a masked
/// frame); the MP4 is recorded beside it. A rendition that must change is withdrawn before the slow render starts, so a face
/// that must now be masked is never served while its new rendition is made. Idempotent: a rendition whose fingerprint
/// (master, masked tracks, sound, settings) matches is kept.
/// </summary>
public sealed partial class VideoRenditions(
    IMediaRepository mediaRecords,
    IDecisionRepository decisionRecords,
    IPendingDeletions pendingDeletions,
    IRenditionRepository renditionRecords,
    IReviewActionRepository reviewActions,
    IApprovalRepository approvalRecords,
    IVideoRepository videoRecords,
    [FromKeyedServices(StorageServiceCollectionExtensions.MasterStore)] IObjectStore masters,
    [FromKeyedServices(StorageServiceCollectionExtensions.RenditionStore)] IObjectStore renditions,
    IOptions<VideoOptions> videoOptions,
    IOptions<VideoLimits> videoLimits,
    IOptions<VideoServiceOptions> serviceOptions,
    IOptions<IngestOptions> ingest,
    IOptions<RetentionOptions> retention,
    TimeProvider time,
    ILogger<VideoRenditions> logger) : IRenditionRefresher, IDisposable
{
    private const int MaxRounds = 4;
    private readonly SemaphoreSlim _renders = new(1);

    public void Dispose() => _renders.Dispose();

    public async Task RefreshAsync(string mediaId, CancellationToken cancellationToken = default)
    {
        for (var round = 1; round <= MaxRounds; round++)
        {
            var before = await decisionRecords.OfMediaAsync(mediaId, cancellationToken).ConfigureAwait(false);
            await RefreshOnceAsync(mediaId, before, cancellationToken).ConfigureAwait(false);
            var after = await decisionRecords.OfMediaAsync(mediaId, cancellationToken).ConfigureAwait(false);
            if (Same(before, after))
            {
                return;
            }
        }
    }

    /// <summary>Whether a rendition for <paramref name="purpose"/> keeps the clip's sound.</summary>
    public bool KeepsSound(Purpose purpose) => purpose switch
    {
        Purpose.Journal => serviceOptions.Value.JournalSound,
        Purpose.Events => serviceOptions.Value.EventsSound,
        _ => false,
    };

    /// <summary>The numbers of the tracks a decision masks: every face it does not show (a missing visibility masks).</summary>
    internal static int[] MaskedTracks(StoredDecision decision, IReadOnlyList<VideoTrackRecord> tracks)
    {
        var shown = decision.Request.Item.Faces
            .Where((face, i) => i < decision.Faces.Count && decision.Faces[i] == FaceVisibility.Show)
            .Select(face => face.Number)
            .ToHashSet();
        return tracks.Select(t => t.Number).Where(n => !shown.Contains(n)).Order().ToArray();
    }

    /// <summary>
    /// The photo's rule for faint boxes, per frame (<see cref="RenditionPolicy.SameFaceOverlap"/>): masked tracks that are
    /// faint and unnamed give way where they overlap a track the decision shows.
    /// </summary>
    private static TrackGiveWay GiveWay(Make make, IReadOnlyDictionary<int, FaceTrack> tracks)
    {
        var shown = tracks.Where(t => !make.Masked.Contains(t.Key)).Select(t => t.Value).ToArray();
        return new TrackGiveWay(make.Yielding.ToHashSet(), shown, RenditionPolicy.SameFaceOverlap);
    }

    /// <summary>
    /// The request's half of a re-decision (issue 14: renditions outside the request): every rendition the current decisions no
    /// longer match is withdrawn now, before the caller answers; true when renditions remain to be made (then
    /// <see cref="RefreshAsync"/> runs in the video lane, <see cref="VideoRenderQueue"/>).
    /// </summary>
    public async Task<bool> WithdrawStaleAsync(string mediaId, CancellationToken cancellationToken = default)
    {
        var decisions = await decisionRecords.OfMediaAsync(mediaId, cancellationToken).ConfigureAwait(false);
        var plan = await PlanAsync(mediaId, decisions, cancellationToken).ConfigureAwait(false);
        return plan.ToMake.Count > 0 && plan.Item?.MasterKey is not null;
    }

    /// <summary>The masked tracks that may give way (faint and unnamed), in order.</summary>
    private static int[] Yielding(StoredDecision decision, int[] masked) =>
        decision.Request.Item.Faces.Where(f => f.Uncertain && f.Assignment.Kind == FaceAssignmentKind.Unassigned && masked.Contains(f.Number))
            .Select(f => f.Number).Order().ToArray();

    private async Task<(MediaItemRecord? Item, IReadOnlyList<VideoTrackRecord> Tracks, List<Make> ToMake)> PlanAsync(
        string mediaId, IReadOnlyList<StoredDecision> decisions, CancellationToken cancellationToken)
    {
        var item = await mediaRecords.FindItemAsync(mediaId, cancellationToken).ConfigureAwait(false);
        var existing = await renditionRecords.OfMediaAsync(mediaId, cancellationToken).ConfigureAwait(false);
        var videos = (await videoRecords.RenditionsOfMediaAsync(mediaId, cancellationToken).ConfigureAwait(false)).ToDictionary(v => v.RenditionId, StringComparer.Ordinal);
        var tracks = await videoRecords.TracksAsync(mediaId, cancellationToken).ConfigureAwait(false);
        var wanted = new Dictionary<(Purpose, string), Make>();
        if (item?.MasterKey is not null)
        {
            var approved = (await approvalRecords.OfMediaAsync(mediaId, cancellationToken).ConfigureAwait(false)).Select(a => a.Purpose).ToHashSet();
            var actions = await reviewActions.OfMediaAsync(mediaId, cancellationToken).ConfigureAwait(false);
            foreach (var decision in decisions.Where(d => RenditionPolicy.Releases(d, approved, actions)))
            {
                var masked = MaskedTracks(decision, tracks);
                bool sound = KeepsSound(decision.Request.Purpose);
                var yielding = Yielding(decision, masked);
                wanted[(decision.Request.Purpose, decision.Request.Audience.Key)] = new Make(decision, masked, yielding, sound, Fingerprint(item.MasterKey, masked, yielding, sound), 0);
            }
        }

        var toMake = new List<Make>();
        foreach (var rendition in existing)
        {
            var key = (rendition.Purpose, rendition.AudienceKey);
            if (wanted.TryGetValue(key, out var kept) && RenditionKeys.FingerprintOf(rendition.ObjectKey) == kept.Fingerprint && videos.ContainsKey(rendition.Id))
            {
                wanted.Remove(key);
                continue;
            }

            // Withdrawn before anything new is rendered: a face that must now be masked is not served meanwhile.
            await WithdrawAsync(rendition, videos.GetValueOrDefault(rendition.Id), cancellationToken).ConfigureAwait(false);
            if (wanted.Remove(key, out var remake))
            {
                toMake.Add(remake with { Revision = rendition.Revision });
            }
        }

        toMake.AddRange(wanted.Values);
        return (item, tracks, toMake);
    }

    private async Task RefreshOnceAsync(string mediaId, IReadOnlyList<StoredDecision> decisions, CancellationToken cancellationToken)
    {
        var (item, tracks, toMake) = await PlanAsync(mediaId, decisions, cancellationToken).ConfigureAwait(false);
        if (toMake.Count == 0 || item?.MasterKey is null)
        {
            return;
        }

        await _renders.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var files = VideoFiles.Create(serviceOptions.Value.WorkRoot);
            if (!await files.DownloadAsync(masters, ObjectKey.Parse(item.MasterKey), "master.mp4", videoLimits.Value.MaxBytes, cancellationToken).ConfigureAwait(false))
            {
                LogWithheld(mediaId, "the master is missing from the store");
                return;
            }

            var faceTracks = tracks.ToDictionary(t => t.Number, TrackPoints.ToTrack);
            var renderer = new VideoRenderer(videoOptions.Value, videoLimits.Value, ingest.Value.Mask);
            string master = files.PathOf("master.mp4");
            int n = 0;

            // One picture per set of masks: audiences that differ only in sound share it, the silent copy a stream copy of the
            // one with sound; a picture that masks nothing is the master itself, copied. Every copy is verified again.
            foreach (var picture in toMake.GroupBy(m => m.Picture, StringComparer.Ordinal))
            {
                var first = picture.First();
                bool anySound = picture.Any(m => m.Sound);
                string source = master;
                VideoReport? rendition = null;
                if (first.Masked.Length > 0)
                {
                    source = files.NewFile(string.Create(CultureInfo.InvariantCulture, $"rendition-{n++}.mp4"));
                    var masked = first.Masked.Select(number => faceTracks[number]).ToArray();
                    var giveWay = GiveWay(first, faceTracks);
                    string target = source;
                    var rendered = await Task.Run(() => renderer.Render(master, target, masked, anySound, giveWay), cancellationToken).ConfigureAwait(false);
                    if (!rendered.IsSuccess)
                    {
                        LogRenderFailed(mediaId, first.Decision.Request.Purpose.Name(), rendered.Failure.ToString());
                        continue;
                    }

                    rendition = rendered.Value;
                }

                byte[]? poster = null;
                foreach (var copy in picture.GroupBy(m => m.Fingerprint, StringComparer.Ordinal))
                {
                    var make = copy.First();
                    string output = source;
                    VideoOutcome<VideoReport> copied;
                    if (rendition is not null && make.Sound == anySound)
                    {
                        copied = rendition;
                    }
                    else
                    {
                        output = files.NewFile(string.Create(CultureInfo.InvariantCulture, $"rendition-{n++}.mp4"));
                        string target = output;
                        copied = await Task.Run(() => renderer.Copy(source, target, make.Sound), cancellationToken).ConfigureAwait(false);
                    }

                    poster ??= copied.IsSuccess ? Poster(renderer, output, copied.Value) : null;
                    if (!copied.IsSuccess || poster is null)
                    {
                        LogRenderFailed(mediaId, make.Decision.Request.Purpose.Name(), copied.Failure?.ToString() ?? "no poster frame");
                        continue;
                    }

                    foreach (var audience in copy)
                    {
                        await StoreAsync(mediaId, audience.Decision, audience.Fingerprint, audience.Revision, output, poster, copied.Value, cancellationToken).ConfigureAwait(false);
                    }
                }
            }
        }
        finally
        {
            _renders.Release();
        }
    }

    /// <summary>The poster: a frame from the middle of the rendition (already masked), as a clean JPEG; null when none can be read.</summary>
    private static byte[]? Poster(VideoRenderer renderer, string video, VideoReport report)
    {
        var frame = renderer.Frame(video, report.Width, report.Height, report.OutputSeconds / 2);
        if (!frame.IsSuccess)
        {
            return null;
        }

        var jpeg = JpegEncoder.Encode(frame.Value);
        return jpeg.IsSuccess ? jpeg.Value : null;
    }

    private async Task StoreAsync(
        string mediaId, StoredDecision decision, string fingerprint, long revision, string video, byte[] poster, VideoReport report, CancellationToken cancellationToken)
    {
        var posterKey = RenditionKeys.New(fingerprint);
        var videoKey = ObjectKey.Parse($"renditions/{RenditionKeys.NewId()}.mp4");
        var due = time.GetUtcNow() + retention.Value.AbandonedUploadAfter;
        await pendingDeletions.RecordWriteAheadAsync(DeletionStore.Renditions, posterKey.Value, due, cancellationToken).ConfigureAwait(false);
        await pendingDeletions.RecordWriteAheadAsync(DeletionStore.Renditions, videoKey.Value, due, cancellationToken).ConfigureAwait(false);
        using (var content = new MemoryStream(poster, writable: false))
        {
            await renditions.PutAsync(posterKey, content, cancellationToken).ConfigureAwait(false);
        }

        var file = File.OpenRead(video);
        await using (file.ConfigureAwait(false))
        {
            await renditions.PutAsync(videoKey, file, cancellationToken).ConfigureAwait(false);
        }

        // The clip's row before the rendition's: the rendition row is what lists the clip for the family (ParentListRule),
        // so the clip is there from the moment it is listed.
        var record = new RenditionRecord(
            RenditionKeys.NewId(), mediaId, decision.Request.Purpose, decision.Request.Audience.Key, posterKey.Value,
            report.Width, report.Height, revision + 1, time.GetUtcNow());
        await videoRecords.SaveRenditionAsync(new VideoRenditionRecord(record.Id, mediaId, videoKey.Value, report.Sound, new FileInfo(video).Length), cancellationToken)
            .ConfigureAwait(false);
        var replaced = await renditionRecords.SaveAsync(record, cancellationToken).ConfigureAwait(false);
        if (replaced is not null)
        {
            // Another node made one in between: ours replaced it, so its objects go too.
            await WithdrawObjectsAsync(replaced, await videoRecords.FindRenditionAsync(replaced.Id, cancellationToken).ConfigureAwait(false), cancellationToken)
                .ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The rendition row first, so the family's list no longer shows the clip while it goes; its objects are written down for
    /// deletion before that row goes, so a crash in between leaves nothing behind, then deleted at once.
    /// </summary>
    private async Task WithdrawAsync(RenditionRecord rendition, VideoRenditionRecord? video, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (video is not null)
        {
            await pendingDeletions.RecordWriteAheadAsync(DeletionStore.Renditions, video.VideoKey, now, cancellationToken).ConfigureAwait(false);
        }

        await pendingDeletions.RecordWriteAheadAsync(DeletionStore.Renditions, rendition.ObjectKey, now, cancellationToken).ConfigureAwait(false);
        await renditionRecords.DeleteAsync(rendition.Id, cancellationToken).ConfigureAwait(false);
        await WithdrawObjectsAsync(rendition, video, cancellationToken).ConfigureAwait(false);
    }

    private async Task WithdrawObjectsAsync(RenditionRecord rendition, VideoRenditionRecord? video, CancellationToken cancellationToken)
    {
        if (video is not null)
        {
            await renditions.DeleteAsync(ObjectKey.Parse(video.VideoKey), cancellationToken).ConfigureAwait(false);
            await videoRecords.DeleteRenditionAsync(video.RenditionId, cancellationToken).ConfigureAwait(false);
        }

        await renditions.DeleteAsync(ObjectKey.Parse(rendition.ObjectKey), cancellationToken).ConfigureAwait(false);
    }

    private string Fingerprint(string masterKey, int[] masked, int[] yielding, bool sound)
    {
        var o = videoOptions.Value;
        var text = new StringBuilder("video-v1|").Append(masterKey)
            .Append('|').Append(o.MaxShortSide.ToString(CultureInfo.InvariantCulture))
            .Append('|').Append(o.Crf.ToString(CultureInfo.InvariantCulture))
            .Append('|').Append(o.LeadSeconds.ToString("R", CultureInfo.InvariantCulture))
            .Append('|').Append(ingest.Value.Mask.Margin.ToString("R", CultureInfo.InvariantCulture))
            .Append('|').Append(sound ? "sound" : "silent")
            .Append('|').Append(string.Join(',', masked.Select(n => n.ToString(CultureInfo.InvariantCulture))))
            .Append("|y").Append(string.Join(',', yielding.Select(n => n.ToString(CultureInfo.InvariantCulture))));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())).AsSpan(0, 10));
    }

    private static bool Same(IReadOnlyList<StoredDecision> before, IReadOnlyList<StoredDecision> after) =>
        before.Count == after.Count
        && before.Zip(after).All(pair => pair.First.Id == pair.Second.Id
            && pair.First.DecidedAt == pair.Second.DecidedAt
            && pair.First.Verdict == pair.Second.Verdict
            && pair.First.Faces.SequenceEqual(pair.Second.Faces));

    [LoggerMessage(Level = LogLevel.Error, Message = "Video renditions of {MediaId} withheld: {Problem}")]
    private partial void LogWithheld(string mediaId, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "The {Purpose} rendition of video {MediaId} could not be made and is withheld: {Failure}")]
    private partial void LogRenderFailed(string mediaId, string purpose, string failure);

    /// <summary>One copy to make for an audience: the tracks it masks, those of them that give way, with or without sound.</summary>
    private sealed record Make(StoredDecision Decision, int[] Masked, int[] Yielding, bool Sound, string Fingerprint, long Revision)
    {
        /// <summary>What decides the copy's picture (not its sound): audiences with the same one share a render.</summary>
        public string Picture => string.Join(',', Masked.Select(m => m.ToString(CultureInfo.InvariantCulture))) + "|" +
            string.Join(',', Yielding.Select(m => m.ToString(CultureInfo.InvariantCulture)));
    }
}
