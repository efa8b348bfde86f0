namespace MediaGate.Data.Media;

/// <summary>What happened to media items lately (README, <c>GET /api/manager/dashboard</c>).</summary>
public interface IMediaActivityRepository
{
    /// <summary>
    /// Every item accepted or whose status changed at or after <paramref name="since"/>, newest first; at most
    /// <paramref name="limit"/> (the dashboard's window is bounded in days, this bounds it in rows too).
    /// </summary>
    Task<IReadOnlyList<MediaActivity>> SinceAsync(DateTimeOffset since, int limit, CancellationToken cancellationToken = default);
}
