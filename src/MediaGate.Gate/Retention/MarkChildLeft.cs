using System.Text.Json;
using MediaGate.Consent.People;
using MediaGate.Data;
using MediaGate.Data.Audit;
using MediaGate.Data.Retention;

namespace MediaGate.Gate.Retention;

/// <summary>
/// The manager records the day a child left the setting (or clears it): from that day plus
/// <see cref="RetentionOptions.GraceDays"/>, the items in which every tagged child has left are deleted by
/// <see cref="RetentionSweep"/>. Audited.
/// </summary>
public sealed class MarkChildLeft(IAuditLog audit, IRetentionRepository retention)
{
    /// <summary>False when there is no such child.</summary>
    public async Task<bool> MarkAsync(ChildId child, DateOnly? leftOn, string actor, CancellationToken cancellationToken)
    {
        if (!await retention.SetLeftOnAsync(child, leftOn, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        await audit.AppendAsync(new AuditEvent(actor, "child-left", child.Value, JsonSerializer.Serialize(new
        {
            leftOn = leftOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        })), cancellationToken).ConfigureAwait(false);
        return true;
    }
}
