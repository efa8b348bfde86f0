using System.ComponentModel.DataAnnotations;
using MediaGate.Identity.SignIn;

namespace MediaGate.Identity;

/// <summary>
/// Configuration section <c>Identity</c>: tokens, sign-in limits and the optional working-hours rule.
/// Validated at start-up (<see cref="IdentityOptionsValidator"/> checks what attributes cannot).
/// </summary>
public sealed class IdentityOptions
{
    public const string SectionName = "Identity";

    /// <summary>The tokens' <c>iss</c>. Default <c>mediagate</c>.</summary>
    [Required]
    public string Issuer { get; set; } = "mediagate";

    /// <summary>The tokens' <c>aud</c>. Default <c>mediagate</c>.</summary>
    [Required]
    public string Audience { get; set; } = "mediagate";

    /// <summary>
    /// How long a bearer token is valid. Default 15 minutes (short: a stolen token is worth little); from 1 second
    /// (the expired-token tests run a service with a 3-second lifetime) to 12 hours.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "12:00:00")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Tolerated difference between nodes' clocks when checking a token's times. Default 30 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>After this long, a new signing key is made; older keys only validate. Default 7 days.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00")]
    public TimeSpan SigningKeyRotation { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Failed sign-ins for one account from one client address (or, on a tablet, from one registered tablet) that go
    /// through at once; after them each attempt from there waits longer (<see cref="FirstDelay"/>, doubling up to
    /// <see cref="MaxDelay"/>). Never a lock-out: a stranger's failures from elsewhere, or on other accounts, never delay
    /// anyone. Default 5.
    /// </summary>
    [Range(1, 100)]
    public int FreeFailures { get; set; } = 5;

    /// <summary>Failed tablet sign-ins on one registered tablet, whatever usernames were tried, before it waits too
    /// (staff PINs cannot be tried one account after another). Default 10 (a few staff share a tablet).</summary>
    [Range(1, 10_000)]
    public int FreeFailuresPerDevice { get; set; } = 10;

    /// <summary>The first wait, doubled at each further failure. Default 1 second.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan FirstDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between two attempts. Default 15 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>After this long without an attempt (counted from the end of the last wait), the count starts again. Default 15 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Shortest password accepted for a new account. Default 8.</summary>
    [Range(8, 128)]
    public int MinPasswordLength { get; set; } = 8;

    /// <summary>
    /// Shortest staff PIN (digits only). Default 6: with waits doubling to 15 minutes after 5 failures, trying all
    /// 10^6 PINs takes years, and each try also needs a registered device's secret.
    /// </summary>
    [Range(6, 12)]
    public int MinPinLength { get; set; } = 6;

    /// <summary>Optional (product.md: "uploads and staff access outside configured hours are refused and logged").
    /// Absent: no working-hours rule.</summary>
    public WorkingHoursOptions? WorkingHours { get; set; }
}
