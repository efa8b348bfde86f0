using MediaGate.Data.Identity;
using MediaGate.Data.Tests.Support;

namespace MediaGate.Data.Tests.Identity;

[TestClass]
public sealed class SqlSigningKeyRepositoryTests
{
    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task ListAsync_KeysStoredBySeveralNodes_AreReadBackInActivationOrderWithTheirSecrets(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        var next = new SigningKey("k2", Enumerable.Range(100, 32).Select(i => (byte)i).ToArray(), Sample.Now, Sample.Now.AddMinutes(3));
        var first = new SigningKey("k1", Enumerable.Range(0, 32).Select(i => (byte)i).ToArray(), Sample.Now.AddDays(-7), Sample.Now.AddDays(-7));
        await test.Database.SigningKeys.AddAsync(next);
        await test.Database.SigningKeys.AddAsync(first);
        await using var otherNode = await test.Reopen(new FakeTimeProvider(Sample.Now));

        var keys = await otherNode.SigningKeys.ListAsync();

        CollectionAssert.AreEqual(new[] { "k1", "k2" }, keys.Select(k => k.Id).ToArray());
        CollectionAssert.AreEqual(first.Secret.ToArray(), keys[0].Secret.ToArray());
        Assert.AreEqual(next.ActiveFrom, keys[1].ActiveFrom);
        Assert.AreEqual(first.CreatedAt, keys[0].CreatedAt);

        await otherNode.SigningKeys.DeleteAsync("k1");
        CollectionAssert.AreEqual(new[] { "k2" }, (await test.Database.SigningKeys.ListAsync()).Select(k => k.Id).ToArray());
    }
}
