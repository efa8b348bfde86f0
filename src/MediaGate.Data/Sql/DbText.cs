using System.Globalization;

namespace MediaGate.Data.Sql;

/// <summary>
/// Dates and instants are stored as fixed-format text so that both engines hold the same schema, sort
/// the same way, and nothing depends on either driver's time-zone handling.
/// </summary>
internal static class DbText
{
    private const string InstantFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";
    private const string DateFormat = "yyyy-MM-dd";

    public static string Instant(DateTimeOffset value) => value.UtcDateTime.ToString(InstantFormat, CultureInfo.InvariantCulture);

    public static string? Instant(DateTimeOffset? value) => value is { } v ? Instant(v) : null;

    public static DateTimeOffset ToInstant(string text) =>
        new(DateTime.SpecifyKind(DateTime.ParseExact(text, InstantFormat, CultureInfo.InvariantCulture, DateTimeStyles.None), DateTimeKind.Utc));

    public static DateTimeOffset? ToInstantOrNull(string? text) => text is null ? null : ToInstant(text);

    public static string Date(DateOnly value) => value.ToString(DateFormat, CultureInfo.InvariantCulture);

    public static string? Date(DateOnly? value) => value is { } v ? Date(v) : null;

    public static DateOnly ToDate(string text) => DateOnly.ParseExact(text, DateFormat, CultureInfo.InvariantCulture);

    public static DateOnly? ToDateOrNull(string? text) => text is null ? null : ToDate(text);
}
