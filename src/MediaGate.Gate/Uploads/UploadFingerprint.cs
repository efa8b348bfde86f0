using System.Security.Cryptography;
using System.Text;

namespace MediaGate.Gate.Uploads;

/// <summary>
/// What makes two requests with one <c>Idempotency-Key</c> "the same": the files' hashes in the order sent,
/// the tagged children (as a set), the note, the capture time and the event (added only when there is one, so that
/// the fingerprints of keys stored before events existed stay as they were). A retry of the same upload has the same
/// fingerprint; a key reused for another upload does not (and is refused as unprocessable).
/// </summary>
internal static class UploadFingerprint
{
    public static string Of(IEnumerable<string> fileHashes, IEnumerable<string> children, string? note, string? capturedAt, string? eventId = null)
    {
        var text = new StringBuilder();
        text.Append("files:").AppendJoin(',', fileHashes).Append('\n');
        text.Append("children:").AppendJoin(',', children.Distinct().Order(StringComparer.Ordinal)).Append('\n');
        text.Append("note:").Append(note?.Length ?? -1).Append(':').Append(note).Append('\n');
        text.Append("capturedAt:").Append(capturedAt);
        if (eventId is not null)
        {
            text.Append("\neventId:").Append(eventId);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
