using MediaGate.Data;
using MediaGate.Data.Media;
using MediaGate.Data.Work;
using MediaGate.Gate.Worker;
using MediaGate.Ingest.Concurrency;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MediaGate.Gate.Video;

/// <summary>
/// The video lane (issue 14, "slow work that does not block"): <c>Video:Workers</c> loops (default one) that claim only
/// <c>video</c> work, which the photo workers (<see cref="GateWorker"/>) never take, so a long clip never holds up the photos
/// queued behind it and at most that many clips are processed at once. The lease is renewed every third of
/// <c>Gate:LeaseSeconds</c> while a clip runs; a node that dies loses it when the lease runs out and another node starts the
/// clip again from the beginning (<see cref="ProcessVideo"/> is idempotent). Failures are handled as the photo workers do:
/// an outage waits without spending an attempt, anything else is tried up to <c>Gate:MaxAttempts</c> times, then fails closed.
/// Claims carry the same <c>name/pid</c> as the photo workers', so a restarted node takes them back with its own. The lane also
/// runs the re-renders that re-decisions queue (<see cref="VideoRenderQueue"/>); one that fails on every attempt leaves the
/// renditions withdrawn (never the old copy served).
/// </summary>
public sealed partial class VideoWorker(
    IWorkQueue workQueue,
    ProcessVideo process,
    Processing.ProcessItem photos,
    VideoRenditions renditions,
    Worker.PhotoActivity photoActivity,
    IOptions<GateOptions> gateOptions,
    IOptions<VideoServiceOptions> videoOptions,
    TimeProvider time,
    ILogger<VideoWorker> logger) : BackgroundService
{
    private readonly GateOptions _gate = gateOptions.Value;

    private string Holder =>
        $"{_gate.NodeName ?? Environment.MachineName}/{Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Decrypted clips a killed process left behind are deleted before any new job starts.
        int swept = VideoFiles.SweepLeftovers(videoOptions.Value.WorkRoot);
        if (swept > 0)
        {
            LogSwept(swept, videoOptions.Value.WorkRoot);
        }

        // A node that only accepts uploads (Gate:WorkerCount 0) processes no video either.
        int workers = _gate.WorkerCount == 0 ? 0 : videoOptions.Value.Workers;
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(() => LoopAsync(stoppingToken), CancellationToken.None))).ConfigureAwait(false);
    }

    private Task LoopAsync(CancellationToken stoppingToken) =>
        PollingLoop.RunAsync(RunOneAsync, TimeSpan.FromMilliseconds(_gate.PollMilliseconds), time, LogLoopFailed, stoppingToken);

    /// <summary>How long after the last photo ended the photos count as quiet.</summary>
    internal static readonly TimeSpan PhotoQuiet = TimeSpan.FromSeconds(1);

    // When the lane began waiting for the photos to be quiet (UTC ticks), or long.MinValue when it is not waiting.
    private long _waitingSince = long.MinValue;

    /// <summary>Claims and runs one video; false when there was none, or when it waits for the photos (<see cref="YieldsToPhotos"/>).</summary>
    internal async Task<bool> RunOneAsync(CancellationToken stoppingToken)
    {
        if (YieldsToPhotos())
        {
            return false;
        }

        var claim = await workQueue.ClaimKindAsync(Holder, _gate.Lease, _gate.MaxAttempts, MediaKinds.VideoWork, stoppingToken).ConfigureAwait(false);
        if (claim is null)
        {
            return false;
        }

        // A clip's ffmpeg runs add about 130 MiB (a 1080p decode and a 720p x264 encode in one process): what the photos
        // before it left in the heaps is given back first (eng/load.sh --clip-seconds 60).
        MemoryRelief.Release();
        using var lost = new CancellationTokenSource();
        using var renewing = new CancellationTokenSource();
        var renewal = RenewAsync(claim, lost, renewing.Token);
        try
        {
            if (VideoRenderQueue.MediaIdOf(claim.Id) is { } rendered)
            {
                await renditions.RefreshAsync(rendered, lost.Token).ConfigureAwait(false);
            }
            else
            {
                await process.ProcessAsync(claim.Id, lost.Token).ConfigureAwait(false);
            }

            await StopRenewingAsync(renewing, renewal).ConfigureAwait(false);
            if (!await workQueue.CompleteAsync(claim, CancellationToken.None).ConfigureAwait(false))
            {
                LogClaimLost(claim.Id);
            }
        }
        catch (OperationCanceledException) when (lost.IsCancellationRequested)
        {
            LogClaimLost(claim.Id);
        }
        catch (Exception e) when (Outages.IsOutage(e))
        {
            await StopRenewingAsync(renewing, renewal).ConfigureAwait(false);
            LogOutage(e, claim.Id);
            var wait = _gate.RetryBackoff.Delay(claim.Outages, Random.Shared.NextDouble());
            await workQueue.PostponeAsync(claim, LeaseRenewal.Shorten("outage: " + e.Message), time.GetUtcNow() + wait, CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Any failure of one clip is recorded against it (retried, then failed closed); the lane goes on.
        catch (Exception e)
#pragma warning restore CA1031
        {
            await StopRenewingAsync(renewing, renewal).ConfigureAwait(false);
            LogItemFailed(e, claim.Id, claim.Attempt);
            await workQueue.FailAsync(claim, LeaseRenewal.Shorten(e.Message), _gate.MaxAttempts, CancellationToken.None).ConfigureAwait(false);
            if (claim.Attempt >= _gate.MaxAttempts && VideoRenderQueue.MediaIdOf(claim.Id) is null)
            {
                await photos.FailAsync(claim.Id, $"Processing failed {claim.Attempt} times: {LeaseRenewal.Shorten(e.Message)}", CancellationToken.None).ConfigureAwait(false);
            }
        }
        finally
        {
            await StopRenewingAsync(renewing, renewal).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>
    /// Whether the lane lets the photos go first now: this node is processing a photo or finished one within
    /// <see cref="PhotoQuiet"/>, and the lane has not yet waited <see cref="VideoServiceOptions.YieldToPhotosSeconds"/> for a
    /// quiet moment (after that it claims anyway). Nothing is claimed while it waits, so no lease runs.
    /// </summary>
    private bool YieldsToPhotos()
    {
        var limit = TimeSpan.FromSeconds(videoOptions.Value.YieldToPhotosSeconds);
        if (limit <= TimeSpan.Zero || !photoActivity.Busy(PhotoQuiet))
        {
            Interlocked.Exchange(ref _waitingSince, long.MinValue);
            return false;
        }

        long now = time.GetUtcNow().UtcTicks;
        long since = Interlocked.CompareExchange(ref _waitingSince, now, long.MinValue);
        if (since == long.MinValue)
        {
            return true;
        }

        if (now - since < limit.Ticks)
        {
            return true;
        }

        Interlocked.Exchange(ref _waitingSince, long.MinValue);
        return false;
    }

    private static async Task StopRenewingAsync(CancellationTokenSource renewing, Task renewal)
    {
        await renewing.CancelAsync().ConfigureAwait(false);
        await renewal.ConfigureAwait(false);
    }

    private Task RenewAsync(WorkClaim claim, CancellationTokenSource lost, CancellationToken stop) =>
        LeaseRenewal.RunAsync(workQueue, claim, _gate.Lease, time, lost, e => LogRenewFailed(e, claim.Id), stop);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deleted {Count} video job folders a stopped process left in {Folder}")]
    private partial void LogSwept(int count, string folder);

    [LoggerMessage(Level = LogLevel.Error, Message = "The video lane failed; trying again after the poll interval")]
    private partial void LogLoopFailed(Exception e);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the claim on video {Media} (its lease ran out and another node took it)")]
    private partial void LogClaimLost(string media);

    [LoggerMessage(Level = LogLevel.Error, Message = "Processing video {Media} failed (attempt {Attempt})")]
    private partial void LogItemFailed(Exception e, string media, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A store or the database was away while processing video {Media}; it waits and is tried again")]
    private partial void LogOutage(Exception e, string media);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing the lease on video {Media} failed")]
    private partial void LogRenewFailed(Exception e, string media);
}
