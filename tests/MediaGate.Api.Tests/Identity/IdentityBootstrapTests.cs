using MediaGate.Data;
using MediaGate.Data.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MediaGate.Api.Tests.Identity;

[TestClass]
public sealed class IdentityBootstrapTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    [TestMethod]
    public async Task RunAsync_NoManagerAndVariableSet_CreatesTheManagerWithAHashedPasswordAndAudits()
    {
        using var folder = new TempFolder();
        await using var database = await MediaGateDatabase.OpenSqliteAsync(folder.Path, new FakeTimeProvider(Now));
        var hasher = new CredentialHasher();

        bool created = await Bootstrap(database, hasher, "Head.Teacher:a long passphrase").RunAsync();

        Assert.IsTrue(created);
        var manager = await database.Accounts.FindByUsernameAsync("head.teacher");
        Assert.AreEqual(AccountRole.Manager, manager!.Role);
        Assert.AreEqual("Head.Teacher", manager.Username);
        Assert.IsTrue(hasher.Verify(manager.PasswordHash, "a long passphrase"));
        Assert.IsFalse(hasher.Verify(manager.PasswordHash, "A long passphrase"));
        Assert.IsTrue((await database.Audit.ReadAsync()).Any(e => e.Action == MediaGate.Data.Audit.AccountAuditActions.AccountCreated && e.Subject == manager.Id));
    }

    [TestMethod]
    public async Task RunAsync_ManagerAlreadyExists_CreatesNobody()
    {
        using var folder = new TempFolder();
        await using var database = await MediaGateDatabase.OpenSqliteAsync(folder.Path, new FakeTimeProvider(Now));
        Assert.IsTrue(await Bootstrap(database, new CredentialHasher(), "first:first password").RunAsync());

        bool created = await Bootstrap(database, new CredentialHasher(), "second:second password").RunAsync();

        Assert.IsFalse(created);
        Assert.IsNull(await database.Accounts.FindByUsernameAsync("second"));
        Assert.HasCount(1, await database.Accounts.ListAsync());
    }

    [TestMethod]
    public async Task RunAsync_NoVariable_CreatesNobody()
    {
        using var folder = new TempFolder();
        await using var database = await MediaGateDatabase.OpenSqliteAsync(folder.Path, new FakeTimeProvider(Now));

        Assert.IsFalse(await Bootstrap(database, new CredentialHasher(), null).RunAsync());
        Assert.IsEmpty(await database.Accounts.ListAsync());
    }

    [TestMethod]
    [DataRow("no-colon-here", DisplayName = "no colon")]
    [DataRow(":password without user", DisplayName = "empty user")]
    [DataRow("boss:short", DisplayName = "short password")]
    [DataRow("bad user:a long password", DisplayName = "space in user")]
    public async Task RunAsync_MalformedVariable_StopsTheStart(string value)
    {
        using var folder = new TempFolder();
        await using var database = await MediaGateDatabase.OpenSqliteAsync(folder.Path, new FakeTimeProvider(Now));

        await Assert.ThrowsAsync<InvalidOperationException>(() => Bootstrap(database, new CredentialHasher(), value).RunAsync());
        Assert.IsEmpty(await database.Accounts.ListAsync());
    }

    private static IdentityBootstrap Bootstrap(MediaGateDatabase database, CredentialHasher hasher, string? value) => new(
        database.Accounts,
        database.Audit,
        hasher,
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [IdentityBootstrap.Variable] = value }).Build(),
        Options.Create(new IdentityOptions()),
        new FakeTimeProvider(Now),
        NullLogger<IdentityBootstrap>.Instance);
}
