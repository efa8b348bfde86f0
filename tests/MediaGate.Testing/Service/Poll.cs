using System.Diagnostics;

namespace MediaGate.Testing.Service;

/// <summary>Waits for something the service does in the background, checking every 100 ms up to a limit.</summary>
internal static class Poll
{
    /// <summary>True as soon as the condition holds; false if it still does not once the limit has passed.</summary>
    public static async Task<bool> UntilAsync(Func<Task<bool>> condition, TimeSpan limit)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (await condition())
            {
                return true;
            }

            if (clock.Elapsed > limit)
            {
                return false;
            }

            await Task.Delay(100);
        }
    }
}
