namespace MediaGate.Identity.Tokens;

/// <summary>
/// Claim types in MediaGate's tokens. A parent's children are never in the token: they are read from the
/// database on each request, so that a change made by the manager takes effect at once.
/// </summary>
public static class MediaGateClaims
{
    /// <summary>The account id (lowercase GUID, "N" format).</summary>
    public const string Subject = "sub";

    /// <summary><c>manager</c>, <c>staff</c> or <c>parent</c>.</summary>
    public const string Role = "role";

    /// <summary>On tablet tokens only: the registered device's id.</summary>
    public const string Device = "device";

    /// <summary>On website principals only: the name of the website key used.</summary>
    public const string WebsiteKey = "website_key";

    /// <summary>The token's id (JWT <c>jti</c>): signing out revokes it on every node.</summary>
    public const string TokenId = "jti";

    /// <summary>
    /// The account's credential generation when the token was issued: a password or PIN change raises the account's,
    /// and a token of an older generation is refused. A token without it was issued under generation 0.
    /// </summary>
    public const string CredentialGeneration = "cred_gen";

    /// <summary>The token's expiry (JWT <c>exp</c>, seconds since 1970).</summary>
    public const string Expires = "exp";
}
