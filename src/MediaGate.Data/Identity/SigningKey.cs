namespace MediaGate.Data.Identity;

/// <summary>
/// An HMAC-SHA256 key that signs bearer tokens. Kept in the database so that every node signs and validates
/// with the same keys.
/// </summary>
/// <param name="Id">The key id written in each token's header (<c>kid</c>).</param>
/// <param name="Secret">256 random bits.</param>
/// <param name="CreatedAt">When a node made it.</param>
/// <param name="ActiveFrom">From when it signs new tokens: a little after <paramref name="CreatedAt"/>, so that every
/// node has loaded it (and can validate its tokens) before any token signed with it arrives.</param>
public sealed record SigningKey(string Id, ReadOnlyMemory<byte> Secret, DateTimeOffset CreatedAt, DateTimeOffset ActiveFrom)
{
    /// <summary>The secret stays out of logs.</summary>
    public override string ToString() => $"SigningKey {{ Id = {Id}, CreatedAt = {CreatedAt:O}, ActiveFrom = {ActiveFrom:O} }}";
}
