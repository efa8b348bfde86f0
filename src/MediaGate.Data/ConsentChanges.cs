using MediaGate.Consent.Matrix;
using MediaGate.Consent.ReEvaluation;

namespace MediaGate.Data;

/// <summary>
/// Records a consent change and lists the renditions it changes (issue 3, item 4), from the stored
/// decisions that relied on the cell: no photo is read.
/// </summary>
public sealed class ConsentChanges(MediaGateDatabase database, TimeProvider time, TimeZoneInfo settingTimeZone)
{
    public async Task<IReadOnlyList<DecisionChange>> RecordAsync(ConsentRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(record);
        await database.Consents.AppendAsync(record, cancellationToken).ConfigureAwait(false);
        var matrix = await database.Consents.LoadMatrixAsync(cancellationToken).ConfigureAwait(false);
        var stored = await database.Decisions.RelyingOnAsync(record.Cell, cancellationToken).ConfigureAwait(false);
        return ReEvaluator.AfterCellChange(stored, record.Cell, matrix.Now(time, settingTimeZone));
    }
}
