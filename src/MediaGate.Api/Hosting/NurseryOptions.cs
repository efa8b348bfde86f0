using System.ComponentModel.DataAnnotations;

namespace MediaGate.Api.Hosting;

/// <summary>The <c>Nursery</c> section: facts about the setting that the rules need (validated at start-up).</summary>
public sealed class NurseryOptions : IValidatableObject
{
    public const string Section = "Nursery";

    /// <summary>
    /// The setting's time zone (IANA id such as <c>Europe/London</c>); default empty = the server's local zone.
    /// Consent lapses on a date (product.md, consent matrix: annual review), and a date depends on the zone.
    /// </summary>
    public string TimeZone { get; set; } = "";

    public TimeZoneInfo Zone() => string.IsNullOrWhiteSpace(TimeZone) ? TimeZoneInfo.Local : TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(TimeZone))
        {
            yield break;
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            yield return new ValidationResult($"Nursery:TimeZone '{TimeZone}' is not a known time zone (use an IANA id such as Europe/London).", [nameof(TimeZone)]);
        }
    }
}
