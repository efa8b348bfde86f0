namespace MediaGate.Data.Retention;

/// <summary>What <see cref="IRetentionRepository.TombstoneAsync"/> did to one item.</summary>
/// <param name="MediaId">The item, now status <c>deleted</c>.</param>
/// <param name="Children">Its tagged children (every one of them had left).</param>
/// <param name="Objects">Its objects, now due for deletion (upload original, master, renditions).</param>
public sealed record Tombstone(string MediaId, IReadOnlyList<string> Children, IReadOnlyList<PendingDeletion> Objects);
