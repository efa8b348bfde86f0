namespace MediaGate.Gate.Uploads;

/// <summary>One file section as received: where it was stored (nothing when only hashed) and what it was.</summary>
internal sealed record ReceivedFile(string MediaId, string? Key, string FileName, string Sha256, long Length, bool IsVideo = false);
