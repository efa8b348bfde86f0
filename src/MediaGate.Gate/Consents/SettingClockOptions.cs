using System.ComponentModel.DataAnnotations;

namespace MediaGate.Gate.Consents;

/// <summary>
/// The setting's local time, for consent dates (a consent lapses on a date in the setting's calendar). Bound from
/// the <c>Nursery</c> section, the same key the host's <c>NurseryOptions</c> reads, so every part of the service
/// agrees on the date.
/// </summary>
public sealed class SettingClockOptions : IValidatableObject
{
    public const string Section = "Nursery";

    /// <summary>IANA time zone id of the setting, e.g. <c>Europe/London</c>. Default empty: the server's local zone.</summary>
    public string TimeZone { get; set; } = "";

    /// <remarks>
    /// Never throws: options validation reads every property, and an unknown id must reach <see cref="Validate"/>,
    /// whose message stops the start (ValidateOnStart) before anything uses the zone.
    /// </remarks>
    public TimeZoneInfo Zone =>
        !string.IsNullOrWhiteSpace(TimeZone) && TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out var zone) ? zone : TimeZoneInfo.Local;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(TimeZone) && !TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            yield return new ValidationResult($"Nursery:TimeZone '{TimeZone}' is not a time zone this machine knows (use an IANA id such as Europe/London).", [nameof(TimeZone)]);
        }
    }
}
