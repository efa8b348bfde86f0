using System.ComponentModel.DataAnnotations;

namespace MediaGate.Gate.Consents;

/// <summary>The setting's local time, for consent dates (a consent lapses on a date in the setting's calendar).</summary>
public sealed class SettingClockOptions : IValidatableObject
{
    /// <summary>IANA time zone id of the setting. Default <c>Europe/London</c> (the policies are English nurseries').</summary>
    [Required]
    public string TimeZone { get; set; } = "Europe/London";

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone ?? "", out _))
        {
            yield return new ValidationResult($"'{TimeZone}' is not a time zone this machine knows.", [nameof(TimeZone)]);
        }
    }
}
