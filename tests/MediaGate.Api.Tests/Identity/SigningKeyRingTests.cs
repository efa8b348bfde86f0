using MediaGate.Data;
using Microsoft.Extensions.Options;

namespace MediaGate.Api.Tests.Identity;

[TestClass]
public sealed class SigningKeyRingTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    [TestMethod]
    public async Task CurrentAsync_EmptyDatabase_MakesOneKeyThatSignsAtOnceAndKeepsUsingIt()
    {
        using var folder = new TempFolder();
        var time = new FakeTimeProvider(Start);
        await using var database = await MediaGateDatabase.OpenSqliteAsync(folder.Path, time);
        var ring = Ring(database, time);

        var first = await ring.CurrentAsync();
        time.Advance(TimeSpan.FromDays(1));
        var later = await ring.CurrentAsync();

        Assert.AreEqual(first.KeyId, later.KeyId);
        Assert.HasCount(1, await database.SigningKeys.ListAsync());
        Assert.AreEqual(32, first.Key.Length);
    }

    [TestMethod]
    public async Task CurrentAsync_AfterTheRotationPeriod_PublishesANewKeyThatSignsOnlyAfterThePublishDelay()
    {
        using var folder = new TempFolder();
        var time = new FakeTimeProvider(Start);
        await using var database = await MediaGateDatabase.OpenSqliteAsync(folder.Path, time);
        var ring = Ring(database, time);
        var first = await ring.CurrentAsync();

        time.Advance(TimeSpan.FromDays(7));
        var stillFirst = await ring.CurrentAsync();
        Assert.AreEqual(first.KeyId, stillFirst.KeyId, "the new key waits until every node has loaded it");
        Assert.HasCount(2, await database.SigningKeys.ListAsync());

        time.Advance(SigningKeyRing.PublishDelay);
        var second = await ring.CurrentAsync();

        Assert.AreNotEqual(first.KeyId, second.KeyId);
        Assert.IsNotEmpty(ring.ValidationKeys(first.KeyId), "tokens signed with the old key still validate");
    }

    [TestMethod]
    public async Task CurrentAsync_SecondRotation_DeletesTheKeyWhoseTokensHaveAllExpired()
    {
        using var folder = new TempFolder();
        var time = new FakeTimeProvider(Start);
        await using var database = await MediaGateDatabase.OpenSqliteAsync(folder.Path, time);
        var ring = Ring(database, time);
        var first = await ring.CurrentAsync();
        time.Advance(TimeSpan.FromDays(7));
        await ring.CurrentAsync();
        time.Advance(SigningKeyRing.PublishDelay);
        var second = await ring.CurrentAsync();

        time.Advance(TimeSpan.FromDays(7));
        await ring.CurrentAsync();

        var ids = (await database.SigningKeys.ListAsync()).Select(k => k.Id).ToArray();
        Assert.DoesNotContain(first.KeyId, ids);
        Assert.Contains(second.KeyId, ids);
        Assert.HasCount(2, ids);
    }

    [TestMethod]
    public async Task PrepareToValidateAsync_KeyMadeByAnotherNode_IsLoadedForValidation()
    {
        using var folder = new TempFolder();
        var time = new FakeTimeProvider(Start);
        await using var nodeA = await MediaGateDatabase.OpenSqliteAsync(folder.Path, time);
        await using var nodeB = await MediaGateDatabase.OpenSqliteAsync(folder.Path, time);
        var ringB = Ring(nodeB, time);
        await ringB.PrepareToValidateAsync(null);
        Assert.IsEmpty(ringB.ValidationKeys(null));

        time.Advance(TimeSpan.FromSeconds(2));
        var key = await Ring(nodeA, time).CurrentAsync();
        await ringB.PrepareToValidateAsync(key.KeyId);

        Assert.AreEqual(key.KeyId, ringB.ValidationKeys(key.KeyId).Single().KeyId);
    }

    [TestMethod]
    public async Task CurrentAsync_NewKey_IsStoredSealedNeverInClear()
    {
        using var folder = new TempFolder();
        var time = new FakeTimeProvider(Start);
        await using var database = await MediaGateDatabase.OpenSqliteAsync(folder.Path, time);

        var key = await Ring(database, time).CurrentAsync();

        var stored = (await database.SigningKeys.ListAsync()).Single();
        Assert.IsTrue(MediaGate.Storage.Encryption.SecretSealer.IsSealed(stored.Secret.Span), "the database holds the key sealed with the master key");
        Assert.IsFalse(stored.Secret.Span.IndexOf(key.Key) >= 0, "the key's bytes do not appear in the database");
    }

    [TestMethod]
    public async Task CurrentAsync_KeyStoredInClearByAnOlderVersion_IsDeletedAndNeverUsed()
    {
        using var folder = new TempFolder();
        var time = new FakeTimeProvider(Start);
        await using var database = await MediaGateDatabase.OpenSqliteAsync(folder.Path, time);
        var clear = new MediaGate.Data.Identity.SigningKey("legacy", new byte[32], Start.AddDays(-1), Start.AddDays(-1));
        await database.SigningKeys.AddAsync(clear);

        var key = await Ring(database, time).CurrentAsync();

        Assert.AreNotEqual("legacy", key.KeyId);
        Assert.IsFalse((await database.SigningKeys.ListAsync()).Any(k => k.Id == "legacy"), "a key stored in clear is deleted");
    }

    [TestMethod]
    public void TryOpen_SealedKeyMovedToAnotherIdOrOtherMasterKey_DoesNotOpen()
    {
        var sealedValue = TestHost.Sealer.Seal(SigningKeyRing.SealPurpose, "original", new byte[32]);

        Assert.IsTrue(TestHost.Sealer.TryOpen(SigningKeyRing.SealPurpose, "original", sealedValue, out _));
        Assert.IsFalse(TestHost.Sealer.TryOpen(SigningKeyRing.SealPurpose, "moved", sealedValue, out _), "bound to its record's id");
        Assert.IsFalse(TestSealers.New(Convert.ToBase64String(new byte[32])).TryOpen(SigningKeyRing.SealPurpose, "original", sealedValue, out _),
            "another master key cannot open it");
    }

    private static SigningKeyRing Ring(MediaGateDatabase database, TimeProvider time) =>
        new(database.SigningKeys, TestHost.Sealer, Options.Create(new IdentityOptions()), time);
}
