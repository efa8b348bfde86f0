namespace MediaGate.Gate.Accounts;

/// <summary>
/// The sign-in rules the account use cases need, kept by the identity part (what a password or PIN must be, how a
/// credential is hashed, how a device secret or website key is made): the Gate asks, it does not know the rules.
/// </summary>
public interface ICredentials
{
    /// <summary>Why <paramref name="password"/> is refused for <paramref name="username"/>, or null when it is acceptable.</summary>
    string? PasswordProblem(string? password, string? username);

    /// <summary>Why <paramref name="pin"/> is refused, or null when it is acceptable.</summary>
    string? PinProblem(string? pin);

    /// <summary>The stored form of a password or PIN (slow on purpose).</summary>
    string HashCredential(string credential);

    /// <summary>A new random secret (a device secret, a website key) and the hash that is stored instead of it.</summary>
    IssuedSecret NewSecret(string prefix);
}
