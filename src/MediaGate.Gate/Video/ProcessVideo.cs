using MediaGate.Consent.Media;
using MediaGate.Data.Media;
using MediaGate.Data.Retention;
using MediaGate.Gate.Processing;
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
/// Processes one video item (issue 14), idempotently, as <see cref="ProcessItem"/> does a photo:
/// <list type="number">
/// <item>the upload original is read from the master store into a private job folder under <c>Video:WorkFolder</c> (<see cref="VideoFiles"/>),
/// bounded by <c>Video:Limits:MaxBytes</c>;</item>
/// <item>the clean master is made with <see cref="VideoRenderer"/> (bounds, upright, at most 720p, no tag, sound kept for the
/// renditions that may keep it, verified) and stored under <c>masters/&lt;mediaId&gt;.mp4</c> (write-once: a second run keeps the first's);</item>
/// <item>faces are followed through the master with the photos' models at the video passes (<see cref="VideoFaceDetector"/>, <see cref="VideoAnonymiser"/>); each track's clearest frame is
/// kept as a JPEG in the master store (for naming it), and the tracks are stored, the first run's kept;</item>
/// <item>the master and one face per track (its box at its clearest frame, certain or faint) are recorded: from here on the consent
/// rules, the tablet's naming and the review treat tracks exactly as photo faces;</item>
/// <item>the original is deleted and <see cref="DecideItem"/> decides (renditions through <see cref="VideoRenditions"/>, made here, not queued).</item>
/// </list>
/// A clip the gate refuses fails closed (never released). A crash anywhere starts the item again from the beginning; nothing is
/// recorded twice (deterministic keys, first-write-wins rows).
/// </summary>
public sealed partial class ProcessVideo(
    IMediaRepository mediaRecords,
    IPendingDeletions pendingDeletions,
    IVideoRepository videoRecords,
    [FromKeyedServices(StorageServiceCollectionExtensions.MasterStore)] IObjectStore master,
    VideoFaceDetector detector,
    IOptions<VideoOptions> videoOptions,
    IOptions<VideoLimits> videoLimits,
    IOptions<IngestOptions> ingest,
    IOptions<RetentionOptions> retention,
    DecideItem decide,
    ProcessItem photos,
    TimeProvider time,
    ILogger<ProcessVideo> logger,
    IOptions<VideoServiceOptions> serviceOptions)
{
    /// <summary>The item's status afterwards; null when there is no such item.</summary>
    public async Task<MediaStatus?> ProcessAsync(string mediaId, CancellationToken cancellationToken)
    {
        var item = await mediaRecords.FindItemAsync(mediaId, cancellationToken).ConfigureAwait(false);
        if (item is null)
        {
            LogNoItem(mediaId);
            return null;
        }

        if (item.Status != MediaStatus.Processing)
        {
            if (item.MasterKey is not null)
            {
                await master.DeleteAsync(ObjectKey.Parse(item.UploadKey), cancellationToken).ConfigureAwait(false);
            }

            return item.Status;
        }

        if (item.MasterKey is null)
        {
            string? failure;
            try
            {
                failure = await MakeMasterAsync(item, cancellationToken).ConfigureAwait(false);
            }
            catch (VideoTooLargeException e)
            {
                failure = e.Message;
            }

            if (failure is not null)
            {
                return await photos.FailAsync(item.Id, failure, cancellationToken).ConfigureAwait(false);
            }
        }

        await master.DeleteAsync(ObjectKey.Parse(item.UploadKey), cancellationToken).ConfigureAwait(false);

        // Already outside any request: the renditions are made before the item's status says it is released.
        using (VideoRenderQueue.RenderInline())
        {
            return await decide.DecideAsync(mediaId, "system", cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The master store's key of a track's clearest frame.</summary>
    public static ObjectKey FrameKey(string mediaId, int number) =>
        ObjectKey.Parse(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"masters/{mediaId}-track-{number}.jpg"));

    private async Task<string?> MakeMasterAsync(MediaItemRecord item, CancellationToken cancellationToken)
    {
        var limits = videoLimits.Value;
        var masterKey = ObjectKey.Parse($"masters/{item.Id}.mp4");
        var renderer = new VideoRenderer(videoOptions.Value, limits, ingest.Value.Mask);
        using var files = VideoFiles.Create(serviceOptions.Value.WorkRoot);
        string masterFile = files.PathOf("master.mp4");
        if (await files.DownloadAsync(master, ObjectKey.Parse(item.UploadKey), "upload", limits.MaxBytes, cancellationToken).ConfigureAwait(false))
        {
            files.NewFile("master.mp4");
            var made = await Task.Run(() => renderer.Render(files.PathOf("upload"), masterFile, [], keepSound: true), cancellationToken).ConfigureAwait(false);
            if (!made.IsSuccess)
            {
                return "The video was refused: " + made.Failure;
            }

            await pendingDeletions.RecordWriteAheadAsync(
                DeletionStore.Master, masterKey.Value, time.GetUtcNow() + retention.Value.AbandonedUploadAfter, cancellationToken).ConfigureAwait(false);
            try
            {
                var content = File.OpenRead(masterFile);
                await using (content.ConfigureAwait(false))
                {
                    await master.PutAsync(masterKey, content, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (ObjectStoreException e) when (e.Kind == ObjectStoreFailureKind.Conflict)
            {
                // An earlier run stored its master: that one stays, and its faces are the ones followed below.
                File.Delete(masterFile);
                if (!await files.DownloadAsync(master, masterKey, "master.mp4", limits.MaxBytes, cancellationToken).ConfigureAwait(false))
                {
                    throw new InvalidOperationException($"The master {masterKey} conflicted but cannot be read", e);
                }
            }
        }
        else if (!await files.DownloadAsync(master, masterKey, "master.mp4", limits.MaxBytes, cancellationToken).ConfigureAwait(false))
        {
            return "Neither the upload nor its master is in the master store";
        }

        var anonymiser = new VideoAnonymiser(detector.Detector, videoOptions.Value, limits, ingest.Value.Mask);
        // Only the tracks: the master is clean and verified, and each audience's copy is rendered from it.
        var followed = await Task.Run(() => anonymiser.Follow(masterFile), cancellationToken).ConfigureAwait(false);
        if (!followed.IsSuccess)
        {
            return "The video's faces could not be followed: " + followed.Failure;
        }

        var report = followed.Value;
        var tracks = new List<VideoTrackRecord>(report.Tracks.Count);
        foreach (var track in report.Tracks)
        {
            tracks.Add(await KeepClearestFrameAsync(item.Id, track, renderer, masterFile, report.Width, report.Height, cancellationToken).ConfigureAwait(false));
        }

        await videoRecords.SaveTracksAsync(item.Id, tracks, cancellationToken).ConfigureAwait(false);
        var faces = report.Tracks.Select(t => new DetectedFaceRecord(
            t.Id, new FaceBox(t.Best.Face.X, t.Best.Face.Y, t.Best.Face.Width, t.Best.Face.Height), t.Best.Face.Score, !t.Certain)).ToArray();
        await mediaRecords.RecordMasterAsync(item.Id, masterKey.Value, report.Width, report.Height, faces, cancellationToken).ConfigureAwait(false);
        LogProcessed(item.Id, report.Sampled, report.Tracks.Count);
        return null;
    }

    /// <summary>Stores the track's clearest frame (unmasked, like the master: staff name the face on it) and returns the track's row.</summary>
    private async Task<VideoTrackRecord> KeepClearestFrameAsync(
        string mediaId, FaceTrack track, VideoRenderer renderer, string masterFile, int width, int height, CancellationToken cancellationToken)
    {
        string? frameKey = null;
        var frame = renderer.Frame(masterFile, width, height, track.Best.Seconds);
        var jpeg = frame.IsSuccess ? JpegEncoder.Encode(frame.Value) : Outcome<byte[]>.Fail(IngestFailureKind.Io, frame.Failure?.ToString() ?? "no frame");
        if (jpeg.IsSuccess)
        {
            var key = FrameKey(mediaId, track.Id);
            await pendingDeletions.RecordWriteAheadAsync(
                DeletionStore.Master, key.Value, time.GetUtcNow() + retention.Value.AbandonedUploadAfter, cancellationToken).ConfigureAwait(false);
            try
            {
                using var content = new MemoryStream(jpeg.Value, writable: false);
                await master.PutAsync(key, content, cancellationToken).ConfigureAwait(false);
            }
            catch (ObjectStoreException e) when (e.Kind == ObjectStoreFailureKind.Conflict)
            {
                // An earlier run kept this track's frame already.
            }

            frameKey = key.Value;
        }
        else
        {
            LogNoFrame(mediaId, track.Id, jpeg.Failure.ToString());
        }

        return new VideoTrackRecord(mediaId, track.Id, TrackPoints.Milliseconds(track.FirstSeconds), TrackPoints.Milliseconds(track.LastSeconds),
            TrackPoints.Milliseconds(track.Best.Seconds), TrackPoints.ToJson(track), frameKey);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Video work item {Media} has no media item")]
    private partial void LogNoItem(string media);

    [LoggerMessage(Level = LogLevel.Information, Message = "Video {Media}: {Sampled} frames sampled, {Tracks} face tracks")]
    private partial void LogProcessed(string media, int sampled, int tracks);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Video {Media}: the clearest frame of track {Track} could not be kept: {Problem}")]
    private partial void LogNoFrame(string media, int track, string problem);
}
