using MediaGate.Consent.People;

namespace MediaGate.Testing.Consents;

/// <summary>The children of the test nursery.</summary>
public static class Kids
{
    public static readonly ChildId Ava = new("ava");
    public static readonly ChildId Ben = new("ben");
    public static readonly ChildId Cleo = new("cleo");

    public static IReadOnlyList<Child> Roster { get; } =
    [
        new(Ava, "Ava"),
        new(Ben, "Ben"),
        new(Cleo, "Cleo"),
    ];

    /// <summary>"Now" in every decision test: a Monday in spring term.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    /// <summary>The annual review date on the forms.</summary>
    public static readonly DateOnly ReviewDate = new(2026, 9, 1);

    public static readonly DateOnly FormDate = new(2025, 9, 1);
}
