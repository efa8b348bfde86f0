using MediaGate.Gate.Accounts;
using Microsoft.Extensions.Options;

namespace MediaGate.Api.Hosting;

/// <summary>The account use cases' <see cref="ICredentials"/> over the identity part's rules, hasher and secret tokens.</summary>
internal sealed class IdentityCredentials(CredentialHasher hasher, IOptions<IdentityOptions> options) : ICredentials
{
    public string? PasswordProblem(string? password, string? username) => SecretRules.PasswordProblem(password, username, options.Value.MinPasswordLength);

    public string? PinProblem(string? pin) => SecretRules.PinProblem(pin, options.Value.MinPinLength);

    public string HashCredential(string credential) => hasher.Hash(credential);

    public IssuedSecret NewSecret(string prefix)
    {
        string secret = SecretTokens.NewSecret(prefix);
        return new IssuedSecret(secret, SecretTokens.Hash(secret));
    }
}
