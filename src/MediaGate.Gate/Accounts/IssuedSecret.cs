namespace MediaGate.Gate.Accounts;

/// <summary>A secret made for a device or the website: shown once, stored only as its hash.</summary>
/// <param name="Secret">The secret itself, for the response that shows it once.</param>
/// <param name="Hash">What is stored.</param>
public sealed record IssuedSecret(string Secret, string Hash);
