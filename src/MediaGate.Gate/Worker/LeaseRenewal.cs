using MediaGate.Data;
using MediaGate.Data.Work;

namespace MediaGate.Gate.Worker;

/// <summary>
/// What the photo and video workers share while they hold a claim: the lease renewed every third of its length, the
/// claim given up (<c>lost</c> cancelled) when another node has taken it, and a failure message cut to what the work queue
/// keeps.
/// </summary>
internal static class LeaseRenewal
{
    /// <summary>The longest failure message the work queue keeps.</summary>
    private const int MaxMessage = 500;

    /// <summary>
    /// Renews <paramref name="claim"/> until <paramref name="stop"/>; cancels <paramref name="lost"/> when the queue says the
    /// claim is no longer this node's. A renewal that fails (the database away) is reported and tried at the next tick:
    /// the lease may still hold.
    /// </summary>
    public static async Task RunAsync(
        IWorkQueue work, WorkClaim claim, TimeSpan lease, TimeProvider time, CancellationTokenSource lost, Action<Exception> failed, CancellationToken stop)
    {
        var every = lease / 3;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(every, time, stop).ConfigureAwait(false);
                if (!await work.RenewAsync(claim, lease, stop).ConfigureAwait(false))
                {
                    await lost.CancelAsync().ConfigureAwait(false);
                    return;
                }
            }
            catch (OperationCanceledException)
            {
                // Stopped: the item finished.
                return;
            }
#pragma warning disable CA1031 // A renewal that fails (database away) is tried again at the next tick; the lease may still hold.
            catch (Exception e)
#pragma warning restore CA1031
            {
                failed(e);
            }
        }
    }

    /// <summary>A failure message as the work queue keeps it.</summary>
    public static string Shorten(string message) => message.Length <= MaxMessage ? message : message[..MaxMessage];
}
