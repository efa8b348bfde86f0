using MediaGate.Data;
using Microsoft.Extensions.Options;

namespace MediaGate.Gate.Consents;

/// <summary>The manager's consent matrix as it stands now (<c>GET /api/manager/consents</c>, and the cell after a change).</summary>
public sealed class ConsentMatrixQuery(IConsentRepository consents, TimeProvider time, IOptions<SettingClockOptions> clock)
{
    public async Task<ConsentMatrixNow> NowAsync(CancellationToken cancellationToken = default)
    {
        var matrix = await consents.LoadMatrixAsync(cancellationToken).ConfigureAwait(false);
        var children = matrix.Children.Values
            .OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(c => c.Id.Value, StringComparer.Ordinal)
            .ToArray();
        return new ConsentMatrixNow(children, matrix.Now(time, clock.Value.Zone));
    }
}
