namespace MediaGate.Gate.Worker;

/// <summary>
/// The loop of every worker lane (photos, video): run one piece of work; when there was none, or the attempt failed for a
/// reason outside the work (a database or store outage), wait one poll interval on the service's clock; stop with the host.
/// A failure never ends the loop: it is handed to <c>logFailure</c> and the loop goes on.
/// </summary>
internal static class PollingLoop
{
    public static async Task RunAsync(
        Func<CancellationToken, Task<bool>> runOne, TimeSpan poll, TimeProvider time, Action<Exception> logFailure, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            bool worked;
            try
            {
                worked = await runOne(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The loop must outlive a database or store outage: log, wait, try again.
            catch (Exception e)
#pragma warning restore CA1031
            {
                logFailure(e);
                worked = false;
            }

            if (!worked)
            {
                try
                {
                    await Task.Delay(poll, time, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
