using MediaGate.Consent.Matrix;
using MediaGate.Consent.People;

namespace MediaGate.Testing.Consents;

/// <summary>Writes consent history the way a manager would, then hands over the matrix.</summary>
public sealed class ConsentBook
{
    private readonly List<ConsentRecord> _records = [];
    private DateTimeOffset _clock = Kids.Now.AddDays(-180);

    public ConsentBook Grant(ChildId child, Purpose purpose, bool group = false, DateOnly? lapsesOn = null, DateOnly? givenOn = null)
    {
        _records.Add(new ConsentRecord(child, purpose, true, group, "Parent of " + child, "FORM-" + child,
            givenOn ?? Kids.FormDate, lapsesOn ?? Kids.ReviewDate, null, Tick()));
        return this;
    }

    public ConsentBook GrantAll(ChildId child, bool group = true)
    {
        foreach (var purpose in PurposeNames.All)
        {
            Grant(child, purpose, group && purpose == Purpose.Journal);
        }

        return this;
    }

    public ConsentBook Refuse(ChildId child, Purpose purpose)
    {
        _records.Add(new ConsentRecord(child, purpose, false, false, "Parent of " + child, "FORM-" + child, Kids.FormDate, null, null, Tick()));
        return this;
    }

    /// <summary>Withdraws the cell's latest grant at <paramref name="moment"/> (recorded then).</summary>
    public ConsentBook Withdraw(ChildId child, Purpose purpose, DateTimeOffset moment)
    {
        var grant = _records.Last(r => r.Child == child && r.Purpose == purpose);
        _records.Add(grant.WithdrawnAt(moment));
        return this;
    }

    public IReadOnlyList<ConsentRecord> Records => _records;

    public ConsentMatrix Matrix() => ConsentMatrix.Create(Kids.Roster, _records);

    public ConsentSnapshot AtNow() => Matrix().AsOf(Kids.Now, TimeZoneInfo.Utc);

    private DateTimeOffset Tick() => _clock = _clock.AddMinutes(1);
}
