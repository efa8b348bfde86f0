using Microsoft.Extensions.Options;

namespace MediaGate.Identity.SignIn;

/// <summary>
/// The optional working-hours rule (product.md: "uploads and staff access outside configured hours are
/// refused and logged"). Without configuration it is always open.
/// </summary>
public sealed class WorkingHours
{
    private static readonly DayOfWeek[] Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    private readonly WorkingHoursOptions? _options;
    private readonly TimeZoneInfo? _zone;
    private readonly HashSet<DayOfWeek> _days;

    public WorkingHours(IOptions<IdentityOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value.WorkingHours;
        _days = [.. _options?.Days ?? Weekdays];
        if (_options is not null && !TryFindTimeZone(_options.TimeZone, out _zone))
        {
            throw new OptionsValidationException(IdentityOptions.SectionName, typeof(IdentityOptions), [$"unknown time zone {_options.TimeZone}"]);
        }
    }

    public bool IsConfigured => _options is not null;

    /// <summary>Whether staff may work at <paramref name="instant"/>: always, when no rule is configured.</summary>
    public bool IsOpenAt(DateTimeOffset instant)
    {
        if (_options is null || _zone is null)
        {
            return true;
        }

        DateTimeOffset local = TimeZoneInfo.ConvertTime(instant, _zone);
        var time = TimeOnly.FromTimeSpan(local.TimeOfDay);
        return _days.Contains(local.DayOfWeek) && time >= _options.Start && time < _options.End;
    }

    internal static bool TryFindTimeZone(string? id, out TimeZoneInfo? zone)
    {
        zone = null;
        if (string.IsNullOrWhiteSpace(id))
        {
            return false;
        }

        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (TimeZoneNotFoundException)
        {
            return false;
        }
        catch (InvalidTimeZoneException)
        {
            return false;
        }
    }
}
