using System.Buffers.Binary;

namespace MediaGate.Api.Tests.Identity;

[TestClass]
public sealed class CredentialHasherTests
{
    private readonly CredentialHasher _hasher = new();

    [TestMethod]
    public void Hash_SamePasswordTwice_GivesDifferentSaltedHashesThatBothVerify()
    {
        string first = _hasher.Hash("correct horse");
        string second = _hasher.Hash("correct horse");

        Assert.AreNotEqual(first, second);
        Assert.IsTrue(_hasher.Verify(first, "correct horse"));
        Assert.IsTrue(_hasher.Verify(second, "correct horse"));
    }

    [TestMethod]
    public void Hash_AnyPassword_IsPbkdf2HmacSha512WithAHundredThousandIterations()
    {
        byte[] hash = Convert.FromBase64String(_hasher.Hash("482913"));

        // PasswordHasher v3 layout: format marker 0x01, PRF (2 = HMAC-SHA512), iteration count, salt length (big-endian).
        Assert.AreEqual(0x01, hash[0]);
        Assert.AreEqual(2u, BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(1)));
        Assert.IsGreaterThanOrEqualTo(100_000u, BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(5)));
        Assert.AreEqual(16u, BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(9)));
    }

    [TestMethod]
    [DataRow("correct hors", DisplayName = "one character short")]
    [DataRow("Correct horse", DisplayName = "other case")]
    [DataRow("", DisplayName = "empty")]
    [DataRow(null, DisplayName = "missing")]
    public void Verify_WrongSecret_IsFalse(string? secret)
    {
        string hash = _hasher.Hash("correct horse");

        Assert.IsFalse(_hasher.Verify(hash, secret));
    }

    [TestMethod]
    public void Verify_NoStoredHash_IsFalseWhateverTheSecret()
    {
        Assert.IsFalse(_hasher.Verify(null, "anything"));
        Assert.IsFalse(_hasher.Verify(null, ""));
    }
}
