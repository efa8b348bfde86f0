using MediaGate.Consent.People;

namespace MediaGate.Consent.Decisions;

/// <summary>
/// Who a rendition is for. Built with the factory members; <see cref="Key"/> is a stable text form
/// for storage and comparison.
/// </summary>
public sealed class Audience : IEquatable<Audience>
{
    private Audience(AudienceKind kind, IReadOnlyList<ChildId> children, IReadOnlyList<ChildId> attendees)
    {
        Kind = kind;
        Children = children;
        Attendees = attendees;
        Key = kind switch
        {
            AudienceKind.ParentOfChild => "parent:" + children[0],
            AudienceKind.Public => "public",
            AudienceKind.EventFamilies => $"event:{string.Join(',', children)}|attended:{string.Join(',', attendees)}",
            _ => "manager",
        };
    }

    public AudienceKind Kind { get; }

    /// <summary>The child whose parents see it (<see cref="AudienceKind.ParentOfChild"/>), or the children whose
    /// families receive an event's recordings (<see cref="AudienceKind.EventFamilies"/>).</summary>
    public IReadOnlyList<ChildId> Children { get; }

    /// <summary>The children who attended the event (<see cref="AudienceKind.EventFamilies"/> only).</summary>
    public IReadOnlyList<ChildId> Attendees { get; }

    public string Key { get; }

    public static Audience Public { get; } = new(AudienceKind.Public, [], []);

    public static Audience Manager { get; } = new(AudienceKind.Manager, [], []);

    public static Audience ParentOf(ChildId child) => new(AudienceKind.ParentOfChild, [child], []);

    public static Audience EventFamilies(IEnumerable<ChildId> families, IEnumerable<ChildId> attendees) =>
        new(AudienceKind.EventFamilies, Sorted(families), Sorted(attendees));

    /// <summary>Reads a <see cref="Key"/> back; null when it is not one.</summary>
    public static Audience? Parse(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key == "public")
        {
            return Public;
        }

        if (key == "manager")
        {
            return Manager;
        }

        if (key.StartsWith("parent:", StringComparison.Ordinal) && key.Length > "parent:".Length)
        {
            return ParentOf(new ChildId(key["parent:".Length..]));
        }

        const string eventPrefix = "event:";
        const string attendedMarker = "|attended:";
        var marker = key.IndexOf(attendedMarker, StringComparison.Ordinal);
        if (key.StartsWith(eventPrefix, StringComparison.Ordinal) && marker > 0)
        {
            return EventFamilies(Split(key[eventPrefix.Length..marker]), Split(key[(marker + attendedMarker.Length)..]));
        }

        return null;
    }

    public bool Equals(Audience? other) => other is not null && Key == other.Key;

    public override bool Equals(object? obj) => Equals(obj as Audience);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Key);

    public override string ToString() => Key;

    private static ChildId[] Sorted(IEnumerable<ChildId> children) =>
        children.Distinct().OrderBy(c => c.Value, StringComparer.Ordinal).ToArray();

    private static IEnumerable<ChildId> Split(string list) =>
        list.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(id => new ChildId(id));
}
