using MediaGate.Data.Tests.Support;

namespace MediaGate.Data.Tests.Identity;

[TestClass]
public sealed class SqlRevokedTokenRepositoryTests
{
    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task RevokeAsync_Twice_IsRevokedAndOtherTokensAreNot(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        var tokens = test.Database.RevokedTokens;

        await tokens.RevokeAsync("jti-1", "account-1", Sample.Now.AddMinutes(15), Sample.Now);
        await tokens.RevokeAsync("jti-1", "account-1", Sample.Now.AddMinutes(15), Sample.Now.AddMinutes(1));

        Assert.IsTrue(await tokens.IsRevokedAsync("jti-1"));
        Assert.IsFalse(await tokens.IsRevokedAsync("jti-2"));
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task RevokeAsync_Later_ForgetsTokensThatHaveExpiredAndKeepsTheOthers(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        var tokens = test.Database.RevokedTokens;
        await tokens.RevokeAsync("short", "account-1", Sample.Now.AddMinutes(15), Sample.Now);
        await tokens.RevokeAsync("long", "account-1", Sample.Now.AddHours(2), Sample.Now);

        await tokens.RevokeAsync("new", "account-2", Sample.Now.AddHours(1).AddMinutes(15), Sample.Now.AddHours(1));

        Assert.IsFalse(await tokens.IsRevokedAsync("short"), "expired an hour ago: nobody can present it any more");
        Assert.IsTrue(await tokens.IsRevokedAsync("long"));
        Assert.IsTrue(await tokens.IsRevokedAsync("new"));
    }
}
