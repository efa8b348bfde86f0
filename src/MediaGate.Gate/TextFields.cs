namespace MediaGate.Gate;

/// <summary>The one rule for the names people give things (a child, an event): required, bounded, no control characters.</summary>
public static class TextFields
{
    /// <summary>The longest name.</summary>
    public const int MaxNameLength = 200;

    /// <summary>Why <paramref name="trimmed"/> is not a name, or null when it is one.</summary>
    public static string? NameProblem(string? trimmed) =>
        string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxNameLength || trimmed.Any(char.IsControl)
            ? $"Required: 1 to {MaxNameLength} characters, no control characters."
            : null;
}
