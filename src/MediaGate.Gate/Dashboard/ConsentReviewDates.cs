using MediaGate.Consent.Matrix;

namespace MediaGate.Gate.Dashboard;

/// <summary>
/// The grants in force whose annual review date (product.md: consent is reviewed yearly) falls within a horizon or has
/// passed (pure). A passed one no longer counts, so photos that need it are held until the manager renews it.
/// </summary>
public static class ConsentReviewDates
{
    public static IReadOnlyList<DueConsent> Due(ConsentMatrix matrix, DateTimeOffset now, DateOnly today, int horizonDays)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        DateOnly until = today.AddDays(horizonDays);
        var due = new List<DueConsent>();
        foreach (var child in matrix.Children.Values)
        {
            foreach (var purpose in PurposeNames.All)
            {
                if (matrix.CurrentRecord(new ConsentCellKey(child.Id, purpose), now) is { Granted: true, WithdrawnOn: null, LapsesOn: { } reviewOn }
                    && reviewOn <= until)
                {
                    due.Add(new DueConsent(child.Id.Value, child.Name, purpose.Name(), reviewOn));
                }
            }
        }

        return due.OrderBy(d => d.ReviewOn).ThenBy(d => d.ChildName, StringComparer.OrdinalIgnoreCase).ThenBy(d => d.Purpose, StringComparer.Ordinal).ToArray();
    }
}
