using MediaGate.Identity.SignIn;
using Microsoft.Extensions.Options;

namespace MediaGate.Identity;

/// <summary>The checks on <see cref="IdentityOptions"/> that data annotations cannot express.</summary>
internal sealed class IdentityOptionsValidator : IValidateOptions<IdentityOptions>
{
    public ValidateOptionsResult Validate(string? name, IdentityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.WorkingHours is { } hours)
        {
            if (hours.End <= hours.Start)
            {
                failures.Add("Identity:WorkingHours:End must be after Start (both local times, e.g. 07:30 and 18:00).");
            }

            if (!WorkingHours.TryFindTimeZone(hours.TimeZone, out _))
            {
                failures.Add($"Identity:WorkingHours:TimeZone '{hours.TimeZone}' is not a known time zone (use an IANA name such as Europe/London).");
            }

            if (hours.Days is { } days && (days.Count == 0 || days.Any(d => !Enum.IsDefined(d))))
            {
                failures.Add("Identity:WorkingHours:Days must list at least one day of the week (omit it for Monday to Friday).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
