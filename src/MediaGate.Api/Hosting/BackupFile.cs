namespace MediaGate.Api.Hosting;

/// <summary>One file of a backup: its path in the backup folder, its size and its SHA-256 (lower-case hex).</summary>
internal sealed record BackupFile(string Path, long Bytes, string Sha256);
