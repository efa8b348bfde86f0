using System.Globalization;
using MediaGate.Consent.Matrix;
using MediaGate.Consent.Media;

namespace MediaGate.Consent.Decisions;

/// <summary>The manager-facing sentences of the reasons, in one place so they read alike.</summary>
internal static class ReasonSentences
{
    public static string Count(int count, string singular, string plural) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? singular : plural)}");

    /// <summary>"photo" or "video": how a sentence names the item (never "photo" for a video).</summary>
    public static string Noun(MediaKind kind) => kind == MediaKind.Video ? "video" : "photo";

    public static string FaceCount(int faces, int tagged) =>
        $"{Count(faces, "face", "faces")}, {Count(tagged, "tagged child", "tagged children")}";

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Date(DateTimeOffset moment) => moment.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>Why a cell does not allow anything, e.g. "Ava has no website consent".</summary>
    public static (ReasonCode Code, string Message) NotGranted(string name, Purpose purpose, ConsentStatus status, ConsentRecord? record)
    {
        var column = purpose.Name();
        return status switch
        {
            ConsentStatus.Withdrawn when record?.WithdrawnOn is { } on =>
                (ReasonCode.ConsentWithdrawn, $"{name}'s {column} consent was withdrawn on {Date(on)}"),
            ConsentStatus.Lapsed when record?.LapsesOn is { } on =>
                (ReasonCode.ConsentLapsed, $"{name}'s {column} consent lapsed on {Date(on)} (annual review)"),
            ConsentStatus.NotYetInForce when record is not null =>
                (ReasonCode.ConsentNotYetInForce, $"{name}'s {column} consent starts on {Date(record.GivenOn)}"),
            ConsentStatus.Refused => (ReasonCode.NoConsent, $"{name} has no {column} consent (refused)"),
            _ => (ReasonCode.NoConsent, $"{name} has no {column} consent"),
        };
    }
}
