using System.Globalization;
using System.Text.Json;
using MediaGate.Data.Audit;
using MediaGate.Data.Media;
using MediaGate.Gate.Audit;

namespace MediaGate.Api.Endpoints.Manager;

/// <summary>
/// The audit log in words for the manager (issue 13: "names and sentences instead of ids and raw JSON"): who did it, by
/// account, child, tablet and event names, and what, as a sentence. The raw fields stay in the entry (the chain is over
/// them); these are read beside them, in the console and in audit.csv.
/// </summary>
public static class AuditSentences
{
    /// <summary>The actor by name: an account's username, a website key's name, or the service itself.</summary>
    public static string Who(AuditEntry entry, AuditNames names)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(names);
        return entry.Actor switch
        {
            "system" or "gate" or "worker" => "MediaGate",
            "bootstrap" => "MediaGate (first start)",
            "anonymous" or "" => "Someone not signed in",
            var website when website.StartsWith("website:", StringComparison.Ordinal) => $"The website (key {website["website:".Length..]})",
            var id => names.Accounts.GetValueOrDefault(id) ?? id,
        };
    }

    /// <summary>What happened, as one sentence.</summary>
    public static string What(AuditEntry entry, AuditNames names)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(names);
        using var detail = Parse(entry.Detail);
        var d = detail?.RootElement;
        string subject = entry.Subject;
        string Account() => names.Accounts.GetValueOrDefault(subject) ?? "an account";
        string Child(string id) => names.Children.GetValueOrDefault(id) ?? "a child no longer listed";
        string Item(string id) => id.Length >= 8 ? $"{Noun(id, names)} {id[..8]}" : "a photo";
        string Device(string id) => names.Devices.GetValueOrDefault(id) is { } name ? $"the tablet {name}" : "a tablet";
        string Event(string id) => names.Events.GetValueOrDefault(id) is { } name ? $"the event {name}" : "an event";
        string Children(string property) => And(Strings(d, property).Select(Child).ToArray()) is { Length: > 0 } list ? list : "no child";

        return entry.Action switch
        {
            "sign-in" => subject.Length > 0 ? $"Signed in on {Device(subject)}." : "Signed in.",
            "sign-in-failed" => subject.Length > 0 ? $"A sign-in as {subject} failed ({Text(d, "reason") ?? "wrong credentials"})." : "A sign-in failed.",
            "sign-in-failures-not-recorded" => $"More than {Text(d, "perMinute") ?? "the set number of"} sign-ins failed from one address within a minute; the rest of that minute's failures were not recorded.",
            "sign-in-locked-out" => $"Sign-ins{(subject.Length > 0 ? $" as {subject}" : "")} were slowed after repeated failures.",
            "refused-outside-working-hours" => "Was refused outside working hours.",
            "session.signed-out" => "Signed out.",
            "account-create" => $"Created the account {Account()}.",
            "account-deactivate" => $"Deactivated the account {Account()}.",
            "account-password" => $"Changed the password of {Account()}.",
            "account-pin" => $"Changed the PIN of {Account()}.",
            "account-children" => $"Changed the children {Account()} may see: {Children("children")}.",
            "device-register" => $"Registered {Device(subject)}.",
            "device-revoke" => $"Revoked {Device(subject)}.",
            "website-key-create" => $"Created the website key {subject}.",
            "website-key-revoke" => $"Revoked the website key {subject}.",
            "child-create" => $"Added {Child(subject)}.",
            "child-left" => Text(d, "leftOn") is { } day ? $"Recorded that {Child(subject)} leaves on {day}." : $"Cleared the leaving day of {Child(subject)}.",
            "consent-change" => $"{Consent(d)} the {Text(d, "purpose") ?? "unknown"} consent of {Child(subject)}.",
            "consent-import" => $"Imported the consent matrix ({Number(d, "records")} records, {Number(d, "newChildren")} new children).",
            "event-create" => $"Recorded {Event(subject)} on {Text(d, "date") ?? "an unknown day"} with {Children("attendees")}.",
            "event-attendees" => $"Changed the attendees of {Event(subject)} to {Children("attendees")}.",
            "upload" => $"Uploaded {Uploaded(d, names)} from {Device(Text(d, "device") ?? "")}.",
            "upload-abandoned" => "Deleted the part of an upload that was never finished.",
            "decision" => Decision(d, Item(subject)),
            "face-assignment" => $"Named the faces of {Item(subject)}.",
            "not-a-face" => $"Marked a detection in {Item(subject)} as not a face.",
            "text-unmask" => $"Un-masked text region {Number(d, "region")} of {Item(subject)} on the website and in publicity (it names no child).",
            "text-mask" => $"Masked text region {Number(d, "region")} of {Item(subject)} again on the website and in publicity.",
            "retention-delete" => $"Deleted {Item(subject)}: every child in it left the setting ({Children("children")}).",
            "view" => $"Viewed {Item(subject)}.",
            "view-master" => $"Viewed the unmasked original of {Item(subject)}.",
            "view-master-video" => $"Played the unmasked original of {Item(subject)}.",
            "view-video" => $"Played {Item(subject)}.",
            "video-link" => $"Asked for a link to play {Item(subject)}.",
            "processing-failed" => $"Could not process {Item(subject)}.",
            "requeue" => $"Put {Item(subject)} back in the queue to be processed again.",
            "view-preview" => $"Viewed the preview of {Item(subject)}.",
            "view-face-crop" => $"Viewed a face of {Item(subject)} for a spot check.",
            "export" => subject switch
            {
                "consents.csv" => "Exported the consent matrix.",
                "audit.csv" => "Exported the audit log.",
                _ => $"Exported a family's journal ({Children("children")}).",
            },
            "export-publicity" => $"Downloaded the publicity copy of {Item(subject)}.",
            "audit-head-exported" => "Exported the audit log's signed head.",
            _ => $"{entry.Action} {subject}".Trim() + ".",
        };
    }

    private static string Decision(JsonElement? d, string item)
    {
        if (Text(d, "action") is { } action)
        {
            string purpose = Text(d, "purpose") ?? "a purpose";
            return action switch
            {
                "release" => $"Released {item} for {purpose}.",
                "mask" => $"Released {item} with masks for {purpose}.",
                "block" => $"Blocked {item} for {purpose}.",
                _ => $"Decided {item} for {purpose} ({action}).",
            };
        }

        if (Text(d, "cause") is { } cause)
        {
            return $"Decided {item} again after a {cause.Replace('-', ' ')}.";
        }

        return Text(d, "status") is { } status ? $"Checked {item}: {status.Replace('-', ' ')}." : $"Decided {item}.";
    }

    private static string Consent(JsonElement? d) =>
        Flag(d, "withdrawn") == true ? "Withdrew"
        : Flag(d, "granted") == true ? Flag(d, "group") == true ? "Granted (with group photos)" : "Granted"
        : "Refused";

    private static string And(string[] parts) => parts.Length switch
    {
        0 => "",
        1 => parts[0],
        _ => $"{string.Join(", ", parts[..^1])} and {parts[^1]}",
    };

    /// <summary>"video" for an item the names know as a video, else "photo" (an item of no known kind was a photo: videos came later).</summary>
    private static string Noun(string mediaId, AuditNames names) => names.Videos.Contains(mediaId) ? MediaKinds.Video : MediaKinds.Photo;

    /// <summary>An upload's items by kind: "1 photo", "2 videos", "2 photos and 1 video".</summary>
    private static string Uploaded(JsonElement? d, AuditNames names)
    {
        var items = d is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty("items", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().ToArray()
            : [];
        int videos = items.Count(i => i.ValueKind == JsonValueKind.Object && Text(i, "mediaId") is { } id && names.Videos.Contains(id));
        int photos = items.Length - videos;
        return photos > 0 && videos > 0 ? $"{Count(photos, MediaKinds.Photo)} and {Count(videos, MediaKinds.Video)}"
            : videos > 0 ? Count(videos, MediaKinds.Video)
            : Count(photos, MediaKinds.Photo);
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n.ToString(CultureInfo.InvariantCulture)} {noun}s";

    private static string? Text(JsonElement? d, string property) =>
        d is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool? Flag(JsonElement? d, string property) =>
        d is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(property, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : null;

    private static string Number(JsonElement? d, string property) =>
        d is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetRawText() : "?";

    private static IEnumerable<string> Strings(JsonElement? d, string property) =>
        d is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(property, out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToArray()
            : [];

    private static JsonDocument? Parse(string? detail)
    {
        if (string.IsNullOrEmpty(detail))
        {
            return null;
        }

        try
        {
            return JsonDocument.Parse(detail);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
