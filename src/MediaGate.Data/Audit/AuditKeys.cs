using MediaGate.Storage.Encryption;

namespace MediaGate.Data.Audit;

/// <summary>
/// The keys that key the audit chain and sign its exported head, derived from the master keys (never stored in the
/// database): <see cref="CurrentId"/> keys new entries; <see cref="Find"/> finds the key of any configured master key,
/// so entries written before a master-key rotation still verify while the old key is kept.
/// </summary>
public sealed class AuditKeys
{
    /// <summary>The purpose the chain's keys are derived for (<see cref="SecretSealer.DeriveKey"/>).</summary>
    public const string ChainPurpose = "audit-chain";

    private readonly Func<string, byte[]?> _find;

    public AuditKeys(string currentId, Func<string, byte[]?> find)
    {
        ArgumentNullException.ThrowIfNull(currentId);
        ArgumentNullException.ThrowIfNull(find);
        CurrentId = currentId;
        _find = find;
    }

    public string CurrentId { get; }

    /// <summary>The chain key for master key <paramref name="id"/>, or null when that master key is not configured.</summary>
    public byte[]? Find(string id) => _find(id);

    /// <summary>The chain keys of <paramref name="sealer"/>'s master keys.</summary>
    public static AuditKeys From(SecretSealer sealer)
    {
        ArgumentNullException.ThrowIfNull(sealer);
        return new AuditKeys(sealer.CurrentKeyId, id => sealer.DeriveKey(ChainPurpose, id));
    }
}
