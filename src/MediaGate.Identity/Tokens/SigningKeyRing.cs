using System.Security.Cryptography;
using MediaGate.Data.Identity;
using MediaGate.Storage.Encryption;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace MediaGate.Identity.Tokens;

/// <summary>
/// The token signing keys, kept in the database so that every node signs and validates with the same keys,
/// and cached here. A key signs from its <see cref="SigningKey.ActiveFrom"/> until the next key's: a new key
/// is made once the newest is <see cref="IdentityOptions.SigningKeyRotation"/> old, and becomes active
/// <see cref="PublishDelay"/> later, by when every node has reloaded and can validate its tokens. A key is
/// deleted once no token it signed can still be valid (its successor active for a token lifetime plus skew).
/// Keys are stored sealed with the master key (<see cref="SecretSealer"/>): a copy of the database alone mints no token.
/// A key stored in clear by an older version is deleted when it is loaded (its sessions end; everyone signs in again
/// once); a sealed key this node cannot open (its master key is not configured here) is left for the nodes that can.
/// </summary>
public sealed class SigningKeyRing(ISigningKeyRepository signingKeys, SecretSealer sealer, IOptions<IdentityOptions> options, TimeProvider time)
{
    /// <summary>The purpose the keys are sealed for (<see cref="SecretSealer"/>).</summary>
    public const string SealPurpose = "token-signing-key";

    /// <summary>How often a node reloads the keys (another node may have added one).</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromMinutes(1);

    /// <summary>A new key waits this long before signing: longer than <see cref="RefreshInterval"/>.</summary>
    public static readonly TimeSpan PublishDelay = TimeSpan.FromMinutes(3);

    /// <summary>An unknown key id in a token reloads the keys at most this often (a forged id costs one query a second at most).</summary>
    private static readonly TimeSpan UnknownKeyReloadGap = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _rotation = new(1, 1);
    private volatile Snapshot _snapshot = new([], DateTimeOffset.MinValue);

    /// <summary>The key to sign a new token with, making (and storing) one first when there is none or the newest is due for rotation.</summary>
    public async Task<SymmetricSecurityKey> CurrentAsync(CancellationToken cancellationToken = default)
    {
        DateTimeOffset now = time.GetUtcNow();
        Snapshot snapshot = await FreshAsync(now, force: false, cancellationToken).ConfigureAwait(false);
        if (!NeedsNewKey(snapshot.Keys, now))
        {
            return ToSecurityKey(Signing(snapshot.Keys, now)!);
        }

        await _rotation.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            snapshot = await FreshAsync(now, force: true, cancellationToken).ConfigureAwait(false);
            if (NeedsNewKey(snapshot.Keys, now))
            {
                bool first = Signing(snapshot.Keys, now) is null;
                string id = Guid.NewGuid().ToString("N");
                var key = new SigningKey(id, sealer.Seal(SealPurpose, id, RandomNumberGenerator.GetBytes(32)), now, first ? now : now + PublishDelay);
                await signingKeys.AddAsync(key, cancellationToken).ConfigureAwait(false);
                await DeleteRetiredAsync(snapshot.Keys, now, cancellationToken).ConfigureAwait(false);
                snapshot = await FreshAsync(now, force: true, cancellationToken).ConfigureAwait(false);
            }

            return ToSecurityKey(Signing(snapshot.Keys, now) ?? throw new InvalidOperationException("no signing key is active"));
        }
        finally
        {
            _rotation.Release();
        }
    }

    /// <summary>
    /// Before a token is validated: reloads the keys when the cache is older than <see cref="RefreshInterval"/>,
    /// or when the token names a key this node has not loaded yet.
    /// </summary>
    public async Task PrepareToValidateAsync(string? keyId, CancellationToken cancellationToken = default)
    {
        DateTimeOffset now = time.GetUtcNow();
        Snapshot snapshot = _snapshot;
        bool unknown = keyId is not null && !snapshot.Keys.Any(k => k.Id == keyId) && now - snapshot.LoadedAt >= UnknownKeyReloadGap;
        await FreshAsync(now, unknown, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The loaded keys that may have signed a token naming <paramref name="keyId"/>.</summary>
    public IEnumerable<SecurityKey> ValidationKeys(string? keyId) =>
        _snapshot.Keys.Where(k => keyId is null || k.Id == keyId).Select(ToSecurityKey);

    private static SymmetricSecurityKey ToSecurityKey(SigningKey key) => new(key.Secret.ToArray()) { KeyId = key.Id };

    private static SigningKey? Signing(IReadOnlyList<SigningKey> keys, DateTimeOffset now) =>
        keys.Where(k => k.ActiveFrom <= now).MaxBy(k => k.ActiveFrom);

    private bool NeedsNewKey(IReadOnlyList<SigningKey> keys, DateTimeOffset now)
    {
        SigningKey? signing = Signing(keys, now);
        if (signing is null)
        {
            // None active yet (first start): one is made that signs at once.
            return true;
        }

        bool successorWaiting = keys.Any(k => k.ActiveFrom > now);
        return !successorWaiting && now - signing.CreatedAt >= options.Value.SigningKeyRotation;
    }

    private async Task DeleteRetiredAsync(IReadOnlyList<SigningKey> keys, DateTimeOffset now, CancellationToken cancellationToken)
    {
        TimeSpan stillValid = options.Value.TokenLifetime + options.Value.ClockSkew;
        var ordered = keys.OrderBy(k => k.ActiveFrom).ToArray();
        for (int i = 0; i < ordered.Length - 1; i++)
        {
            DateTimeOffset retiredAt = ordered[i + 1].ActiveFrom;
            if (retiredAt <= now && now - retiredAt > stillValid)
            {
                await signingKeys.DeleteAsync(ordered[i].Id, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<Snapshot> FreshAsync(DateTimeOffset now, bool force, CancellationToken cancellationToken)
    {
        Snapshot snapshot = _snapshot;
        if (!force && now - snapshot.LoadedAt < RefreshInterval && now >= snapshot.LoadedAt)
        {
            return snapshot;
        }

        var stored = await signingKeys.ListAsync(cancellationToken).ConfigureAwait(false);
        var keys = new List<SigningKey>(stored.Count);
        foreach (var key in stored)
        {
            if (sealer.TryOpen(SealPurpose, key.Id, key.Secret.Span, out byte[] secret))
            {
                keys.Add(key with { Secret = secret });
            }
            else if (!SecretSealer.IsSealed(key.Secret.Span))
            {
                await signingKeys.DeleteAsync(key.Id, cancellationToken).ConfigureAwait(false);
            }
        }

        snapshot = new Snapshot(keys, now);
        _snapshot = snapshot;
        return snapshot;
    }

    private sealed record Snapshot(IReadOnlyList<SigningKey> Keys, DateTimeOffset LoadedAt);
}
