using MediaGate.Consent.People;

namespace MediaGate.Consent.Matrix;

/// <summary>
/// The consent matrix with every cell's full history. Immutable: stores load it, the decision reads a
/// <see cref="ConsentSnapshot"/> of it as of a moment.
/// </summary>
public sealed class ConsentMatrix
{
    private static readonly IReadOnlyList<ConsentRecord> NoHistory = [];
    private readonly Dictionary<ConsentCellKey, List<ConsentRecord>> _histories;

    private ConsentMatrix(IReadOnlyDictionary<ChildId, Child> children, Dictionary<ConsentCellKey, List<ConsentRecord>> histories)
    {
        Children = children;
        _histories = histories;
    }

    public IReadOnlyDictionary<ChildId, Child> Children { get; }

    /// <summary>
    /// How many records the matrix holds. The history is only ever appended to, so two loads with the same count
    /// hold the same records: a use case that decided from one load can tell whether a change arrived since.
    /// </summary>
    public int RecordCount => _histories.Values.Sum(h => h.Count);

    public static ConsentMatrix Empty { get; } = Create([], []);

    /// <summary>Builds the matrix; <paramref name="records"/> must be in the order they were recorded.</summary>
    public static ConsentMatrix Create(IEnumerable<Child> children, IEnumerable<ConsentRecord> records)
    {
        ArgumentNullException.ThrowIfNull(children);
        ArgumentNullException.ThrowIfNull(records);
        var histories = new Dictionary<ConsentCellKey, List<ConsentRecord>>();
        foreach (var record in records)
        {
            if (!histories.TryGetValue(record.Cell, out var history))
            {
                history = [];
                histories.Add(record.Cell, history);
            }

            history.Add(record);
        }

        return new ConsentMatrix(children.ToDictionary(c => c.Id), histories);
    }

    /// <summary>
    /// This matrix with <paramref name="record"/> appended to its cell's history, as if it had been recorded: what a
    /// change would do, computed without saving it (README, consent preview). This matrix is not changed.
    /// </summary>
    public ConsentMatrix With(ConsentRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var histories = _histories.ToDictionary(h => h.Key, h => new List<ConsentRecord>(h.Value));
        if (!histories.TryGetValue(record.Cell, out var history))
        {
            history = [];
            histories.Add(record.Cell, history);
        }

        history.Add(record);
        return new ConsentMatrix(Children, histories);
    }

    /// <summary>Every record of a cell, oldest first.</summary>
    public IReadOnlyList<ConsentRecord> History(ConsentCellKey cell) =>
        _histories.TryGetValue(cell, out var history) ? history : NoHistory;

    /// <summary>Every record of a cell, oldest first.</summary>
    public IReadOnlyList<ConsentRecord> History(ChildId child, Purpose purpose) => History(new ConsentCellKey(child, purpose));

    /// <summary>The newest record of a cell recorded at or before <paramref name="instant"/>, if any.</summary>
    public ConsentRecord? CurrentRecord(ConsentCellKey cell, DateTimeOffset instant)
    {
        ConsentRecord? current = null;
        foreach (var record in History(cell))
        {
            if (record.RecordedAt <= instant)
            {
                current = record;
            }
        }

        return current;
    }

    /// <summary>The matrix as it stood at <paramref name="instant"/>, with lapse dates read in <paramref name="zone"/>.</summary>
    public ConsentSnapshot AsOf(DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var current = new Dictionary<ConsentCellKey, ConsentRecord>(_histories.Count);
        foreach (var cell in _histories.Keys)
        {
            if (CurrentRecord(cell, instant) is { } record)
            {
                current.Add(cell, record);
            }
        }

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
        return new ConsentSnapshot(instant, today, Children, current);
    }

    /// <summary>The matrix now, as the <paramref name="time"/> provider says.</summary>
    public ConsentSnapshot Now(TimeProvider time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(time);
        return AsOf(time.GetUtcNow(), zone);
    }
}
