namespace MediaGate.Api.Hosting;

/// <summary>What a backup holds (<see cref="DataBackup.ManifestName"/>), written last.</summary>
/// <param name="Format">The manifest's format, for a later version's restore.</param>
/// <param name="TakenAt">When the backup finished.</param>
/// <param name="MasterKeyIncluded">Whether <c>master.key</c> is in it (else the key lives in configuration).</param>
/// <param name="DeletedWhileCopying">Store files deleted between their listing and their copy.</param>
/// <param name="Files">Every file, relative to the backup folder with <c>/</c> separators.</param>
internal sealed record BackupManifest(int Format, DateTimeOffset TakenAt, bool MasterKeyIncluded, int DeletedWhileCopying, IReadOnlyList<BackupFile> Files);
