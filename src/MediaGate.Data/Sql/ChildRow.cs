using MediaGate.Consent.People;

namespace MediaGate.Data.Sql;

/// <summary>A row of <c>children</c> as Dapper reads it.</summary>
internal sealed class ChildRow
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public string? Room { get; set; }

    public Child ToChild() => new(new ChildId(Id), Name, Room);
}
