namespace MediaGate.Identity.SignIn;

/// <summary>Section <c>Identity:WorkingHours</c>: when staff sessions and tablet requests are accepted.</summary>
public sealed class WorkingHoursOptions
{
    /// <summary>Opening time, local to <see cref="TimeZone"/> (inclusive). Required.</summary>
    public TimeOnly Start { get; set; }

    /// <summary>Closing time, local to <see cref="TimeZone"/> (exclusive); after <see cref="Start"/>. Required.</summary>
    public TimeOnly End { get; set; }

    /// <summary>IANA time zone of the setting. Default <c>Europe/London</c>.</summary>
    public string TimeZone { get; set; } = "Europe/London";

    /// <summary>Open days. Default (null) Monday to Friday. (No default array: the configuration binder would
    /// add the configured days to it rather than replace it.)</summary>
    public IReadOnlyList<DayOfWeek>? Days { get; set; }
}
