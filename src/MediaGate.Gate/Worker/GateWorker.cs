using MediaGate.Data;
using MediaGate.Data.Media;
using MediaGate.Data.Work;
using MediaGate.Gate.Processing;
using MediaGate.Ingest.Concurrency;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MediaGate.Gate.Worker;

/// <summary>
/// Processes accepted items in the background (issue 7, section 3): <c>Gate:WorkerCount</c> loops, each
/// claiming one item at a time through the database's work queue, so several nodes share the work. A claim is
/// a lease renewed every third of its length while the item runs; a node that dies (even by SIGKILL) loses its
/// items when their leases run out, and another node takes them. A claim lost to another node cancels the run
/// (fencing: its completion would be refused anyway). A run that fails because a store or the database was away
/// (<see cref="Outages"/>) is not the photo's fault: the item waits with a growing, capped, jittered back-off and is tried
/// again until the store answers, spending no attempt. Any other failure is retried until <c>Gate:MaxAttempts</c>, then
/// the item is marked failed (never released). Claims are held as <c>name/pid</c>; at start the node ends the claims of
/// its previous life at once instead of waiting out their leases. Stopping stops claiming; the item in hand is finished.
/// </summary>
public sealed partial class GateWorker(
    IMediaRepository mediaRecords,
    IWorkQueue workQueue,
    ProcessItem process,
    PhotoActivity activity,
    IOptions<GateOptions> options,
    TimeProvider time,
    ILogger<GateWorker> logger) : BackgroundService
{
    private readonly GateOptions _options = options.Value;
    private readonly string _name = options.Value.NodeName ?? Environment.MachineName;
    private readonly RetryBackoff _backoff = options.Value.RetryBackoff;
    private long _lastSweep = long.MinValue;

    /// <summary>This process's name on its claims: the node's name and the process id.</summary>
    internal string Holder => $"{_name}/{Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_options.WorkerCount == 0)
        {
            LogNoWorkers(Holder);
            return;
        }

        try
        {
            await ReleasePreviousClaimsAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }
#pragma warning disable CA1031 // The database may be away at start: the leases then run out as before.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogReleaseFailed(e);
        }

        await Task.WhenAll(Enumerable.Range(0, _options.WorkerCount).Select(_ => Task.Run(() => LoopAsync(stoppingToken), CancellationToken.None))).ConfigureAwait(false);
    }

    /// <summary>
    /// Ends the claims this node held in a previous life (issue 13): with <c>Gate:NodeName</c> set, every claim under
    /// that name but this process's; by default (the host name) only claims of this host's processes that no longer run.
    /// </summary>
    internal async Task<int> ReleasePreviousClaimsAsync(CancellationToken cancellationToken)
    {
        int released = 0;
        foreach (var holder in await workQueue.HoldersAsync(_name + "/", cancellationToken).ConfigureAwait(false))
        {
            if (holder != Holder && (_options.NodeName is not null || !IsRunningHere(holder[(_name.Length + 1)..])))
            {
                released += await workQueue.ReleaseAsync(holder, cancellationToken).ConfigureAwait(false);
            }
        }

        if (released > 0)
        {
            LogReleased(released);
        }

        return released;
    }

    private static bool IsRunningHere(string pid) =>
        !int.TryParse(pid, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int id)
        || !OperatingSystem.IsLinux()
        || Directory.Exists($"/proc/{id.ToString(System.Globalization.CultureInfo.InvariantCulture)}");

    private Task LoopAsync(CancellationToken stoppingToken) =>
        PollingLoop.RunAsync(RunOnceAsync, TimeSpan.FromMilliseconds(_options.PollMilliseconds), time, LogLoopFailed, stoppingToken);

    /// <summary>One item; when there was none, the items given up on are swept (see <see cref="SweepGivenUpAsync"/>).</summary>
    private async Task<bool> RunOnceAsync(CancellationToken stoppingToken)
    {
        var worked = await RunOneAsync(stoppingToken).ConfigureAwait(false);
        if (!worked)
        {
            await SweepGivenUpAsync(stoppingToken).ConfigureAwait(false);
        }

        return worked;
    }

    /// <summary>Claims and runs one item; false when there was none.</summary>
    internal async Task<bool> RunOneAsync(CancellationToken stoppingToken)
    {
        var claim = await workQueue.ClaimAsync(Holder, _options.Lease, _options.MaxAttempts, stoppingToken).ConfigureAwait(false);
        if (claim is null)
        {
            return false;
        }

        // The item in hand is finished even when the host is stopping; only a lost lease cancels it.
        using var processing = activity.Begin();
        using var lost = new CancellationTokenSource();
        using var renewing = new CancellationTokenSource();
        var renewal = RenewAsync(claim, lost, renewing.Token);
        try
        {
            await process.ProcessAsync(claim.Id, lost.Token).ConfigureAwait(false);
            await renewing.CancelAsync().ConfigureAwait(false);
            await renewal.ConfigureAwait(false);
            if (!await workQueue.CompleteAsync(claim, CancellationToken.None).ConfigureAwait(false))
            {
                LogClaimLost(claim.Id);
            }
        }
        catch (OperationCanceledException) when (lost.IsCancellationRequested)
        {
            LogClaimLost(claim.Id);
        }
#pragma warning disable CA1031 // An outage is the surroundings' fault, not the item's: it waits and is tried again.
        catch (Exception e) when (Outages.IsOutage(e))
#pragma warning restore CA1031
        {
            await renewing.CancelAsync().ConfigureAwait(false);
            await renewal.ConfigureAwait(false);
            await PostponeAsync(claim, e, stoppingToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Any failure of one item is recorded against it (retried, then failed closed); the worker goes on.
        catch (Exception e)
#pragma warning restore CA1031
        {
            await renewing.CancelAsync().ConfigureAwait(false);
            await renewal.ConfigureAwait(false);
            LogItemFailed(e, claim.Id, claim.Attempt);
            await workQueue.FailAsync(claim, LeaseRenewal.Shorten(e.Message), _options.MaxAttempts, CancellationToken.None).ConfigureAwait(false);
            if (claim.Attempt >= _options.MaxAttempts)
            {
                await process.FailAsync(claim.Id, $"Processing failed {claim.Attempt} times: {LeaseRenewal.Shorten(e.Message)}", CancellationToken.None).ConfigureAwait(false);
            }
        }
        finally
        {
            await renewing.CancelAsync().ConfigureAwait(false);
            await renewal.ConfigureAwait(false);

            // Without this the service grew to 1.26 GB under 20 tablets' uploads (eng/load.sh): see MemoryRelief.
            MemoryRelief.ReleaseIfLarge();
        }

        return true;
    }

    /// <summary>
    /// Items whose node died on every attempt are given up by the queue itself (it marks them failed when it
    /// meets their last expired lease); their media items are failed here, so none waits as "processing" for ever.
    /// </summary>
    internal async Task SweepGivenUpAsync(CancellationToken cancellationToken)
    {
        long now = time.GetTimestamp();
        if (_lastSweep != long.MinValue && time.GetElapsedTime(_lastSweep, now) < _options.Lease)
        {
            return;
        }

        _lastSweep = now;
        var processing = await mediaRecords.ItemsWithStatusAsync([MediaStatus.Processing], 500, cancellationToken).ConfigureAwait(false);
        foreach (var item in processing)
        {
            if (await workQueue.StateAsync(item.Id, cancellationToken).ConfigureAwait(false) == WorkState.Failed)
            {
                await process.FailAsync(item.Id, "Processing was given up: its node stopped before finishing too many times", cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Gives the item back to wait out the outage. The database may be the thing that is away: the hand-back is tried
    /// again (same back-off) until it is written, the claim is lost, or the node stops (then the lease runs out as usual).
    /// </summary>
    private async Task PostponeAsync(WorkClaim claim, Exception outage, CancellationToken stoppingToken)
    {
        var wait = _backoff.Delay(claim.Outages, Random.Shared.NextDouble());
        LogOutage(outage, claim.Id, wait.TotalSeconds);
        while (true)
        {
            try
            {
                await workQueue.PostponeAsync(claim, LeaseRenewal.Shorten("outage: " + outage.Message), time.GetUtcNow() + wait, CancellationToken.None).ConfigureAwait(false);
                return;
            }
            catch (Exception e) when (Outages.IsOutage(e) && !stoppingToken.IsCancellationRequested)
            {
                // Soon after the database is back: the item is still this process's claim until then.
                await Task.Delay(TimeSpan.FromMilliseconds(_options.PollMilliseconds), time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private Task RenewAsync(WorkClaim claim, CancellationTokenSource lost, CancellationToken stop) =>
        LeaseRenewal.RunAsync(workQueue, claim, _options.Lease, time, lost, e => LogRenewFailed(e, claim.Id), stop);

    [LoggerMessage(Level = LogLevel.Information, Message = "Gate:WorkerCount is 0: node {Node} accepts uploads but processes nothing")]
    private partial void LogNoWorkers(string node);

    [LoggerMessage(Level = LogLevel.Error, Message = "The worker loop failed; trying again after the poll interval")]
    private partial void LogLoopFailed(Exception e);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the claim on {Media} (its lease ran out and another node took it)")]
    private partial void LogClaimLost(string media);

    [LoggerMessage(Level = LogLevel.Error, Message = "Processing {Media} failed (attempt {Attempt})")]
    private partial void LogItemFailed(Exception e, string media, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A store or the database was away while processing {Media}; tried again in {Seconds:0.0} s (no attempt spent)")]
    private partial void LogOutage(Exception e, string media, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ended {Count} claims this node held before it restarted")]
    private partial void LogReleased(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not end this node's claims from before its restart; their leases run out instead")]
    private partial void LogReleaseFailed(Exception e);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing the lease on {Media} failed")]
    private partial void LogRenewFailed(Exception e, string media);
}
