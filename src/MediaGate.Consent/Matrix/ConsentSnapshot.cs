using MediaGate.Consent.People;

namespace MediaGate.Consent.Matrix;

/// <summary>The consent matrix as of one moment: what the decision reads.</summary>
public sealed class ConsentSnapshot
{
    private readonly IReadOnlyDictionary<ChildId, Child> _children;
    private readonly Dictionary<ConsentCellKey, ConsentRecord> _current;

    internal ConsentSnapshot(
        DateTimeOffset instant,
        DateOnly today,
        IReadOnlyDictionary<ChildId, Child> children,
        Dictionary<ConsentCellKey, ConsentRecord> current)
    {
        Instant = instant;
        Today = today;
        _children = children;
        _current = current;
    }

    /// <summary>The moment this snapshot describes.</summary>
    public DateTimeOffset Instant { get; }

    /// <summary>The setting's local date at <see cref="Instant"/> (consent lapses on a date).</summary>
    public DateOnly Today { get; }

    public ConsentRecord? Record(ConsentCellKey cell) => _current.GetValueOrDefault(cell);

    public ConsentStatus Status(ChildId child, Purpose purpose) =>
        _current.TryGetValue(new ConsentCellKey(child, purpose), out var record)
            ? record.StatusAt(Instant, Today)
            : ConsentStatus.NotAsked;

    /// <summary>True when the child may appear unmasked in photos shown to other children's families.</summary>
    public bool AllowsGroupSharing(ChildId child) =>
        _current.TryGetValue(new ConsentCellKey(child, Purpose.Journal), out var record)
        && record.Group
        && record.StatusAt(Instant, Today) == ConsentStatus.Granted;

    /// <summary>The child's name for the manager's reasons; the id when the child is not on the roster.</summary>
    public string NameOf(ChildId child) => _children.TryGetValue(child, out var known) ? known.Name : child.Value;
}
