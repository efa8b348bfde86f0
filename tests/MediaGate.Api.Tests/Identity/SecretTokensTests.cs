namespace MediaGate.Api.Tests.Identity;

[TestClass]
public sealed class SecretTokensTests
{
    [TestMethod]
    public void NewSecret_TwoSecrets_AreDistinctBase64UrlOf256Bits()
    {
        string first = SecretTokens.NewSecret();
        string second = SecretTokens.NewSecret("mgw_");

        Assert.AreNotEqual(first, second[4..]);
        Assert.AreEqual(43, first.Length);
        Assert.StartsWith("mgw_", second);
        Assert.IsTrue(first.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'), first);
    }

    [TestMethod]
    public void Matches_SecretAgainstItsHash_IsTrueAndFalseForAnyOtherSecret()
    {
        string secret = SecretTokens.NewSecret();
        string hash = SecretTokens.Hash(secret);

        Assert.AreEqual(64, hash.Length);
        Assert.IsTrue(SecretTokens.Matches(secret, hash));
        Assert.IsFalse(SecretTokens.Matches(secret + "x", hash));
        Assert.IsFalse(SecretTokens.Matches(null, hash));
        Assert.IsFalse(SecretTokens.Matches(new string('a', 10_000), hash));
    }
}
