using MediaGate.Data.Identity;
using MediaGate.Data.Tests.Support;

namespace MediaGate.Data.Tests.Identity;

[TestClass]
public sealed class SqlWebsiteKeyRepositoryTests
{
    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task FindInUseByHashAsync_KeyRevoked_FindsNothing(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        var key = IdentitySample.WebsiteKey("site", Sample.Now);
        Assert.IsTrue(await test.Database.WebsiteKeys.AddAsync(key));
        Assert.AreEqual(key, await test.Database.WebsiteKeys.FindInUseByHashAsync(key.KeyHash));

        Assert.AreEqual(Revocation.Revoked, await test.Database.WebsiteKeys.RevokeAsync("site", Sample.Now.AddDays(1)));

        Assert.IsNull(await test.Database.WebsiteKeys.FindInUseByHashAsync(key.KeyHash));
        Assert.AreEqual(Revocation.NotFound, await test.Database.WebsiteKeys.RevokeAsync("site", Sample.Now.AddDays(2)));
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task AddAsync_NameInUse_IsRefusedUntilThatKeyIsRevoked(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        var keys = test.Database.WebsiteKeys;
        Assert.IsTrue(await keys.AddAsync(IdentitySample.WebsiteKey("site", Sample.Now)));

        Assert.IsFalse(await keys.AddAsync(IdentitySample.WebsiteKey("site", Sample.Now)));
        await keys.RevokeAsync("site", Sample.Now);
        var replacement = IdentitySample.WebsiteKey("site", Sample.Now.AddMinutes(1));
        Assert.IsTrue(await keys.AddAsync(replacement));

        var all = await keys.ListAsync();
        Assert.HasCount(2, all);
        Assert.AreEqual(replacement, all[1]);
        Assert.IsNotNull(all[0].RevokedAt);
    }
}
