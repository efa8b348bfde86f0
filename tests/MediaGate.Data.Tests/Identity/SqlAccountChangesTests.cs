using MediaGate.Consent.People;
using MediaGate.Data.Identity;
using MediaGate.Data.Tests.Support;

namespace MediaGate.Data.Tests.Identity;

/// <summary>The manager's changes to existing accounts (README), on both engines.</summary>
[TestClass]
public sealed class SqlAccountChangesTests
{
    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task DeactivateKeepingAManagerAsync_LastManager_IsRefusedUntilThereIsAnother(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        var accounts = test.Database.Accounts;
        var first = IdentitySample.Account("first", AccountRole.Manager, Sample.Now);
        var second = IdentitySample.Account("second", AccountRole.Manager, Sample.Now);
        await accounts.AddAsync(first, []);

        Assert.AreEqual(Deactivation.LastManager, await accounts.DeactivateKeepingAManagerAsync(first.Id));
        Assert.IsTrue((await accounts.FindAsync(first.Id))!.Active);

        await accounts.AddAsync(second, []);
        Assert.AreEqual(Deactivation.Deactivated, await accounts.DeactivateKeepingAManagerAsync(first.Id));
        Assert.AreEqual(Deactivation.Deactivated, await accounts.DeactivateKeepingAManagerAsync(first.Id), "again: already inactive");
        Assert.AreEqual(Deactivation.LastManager, await accounts.DeactivateKeepingAManagerAsync(second.Id));
        Assert.AreEqual(Deactivation.NotFound, await accounts.DeactivateKeepingAManagerAsync("no-such-account"));
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task DeactivateKeepingAManagerAsync_TwoManagersDeactivatingEachOtherAtOnce_LeavesOneActive(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        var accounts = test.Database.Accounts;
        var first = IdentitySample.Account("first", AccountRole.Manager, Sample.Now);
        var second = IdentitySample.Account("second", AccountRole.Manager, Sample.Now);
        await accounts.AddAsync(first, []);
        await accounts.AddAsync(second, []);

        var outcomes = await Task.WhenAll(
            Task.Run(() => accounts.DeactivateKeepingAManagerAsync(first.Id)),
            Task.Run(() => accounts.DeactivateKeepingAManagerAsync(second.Id)));

        CollectionAssert.AreEquivalent(new[] { Deactivation.Deactivated, Deactivation.LastManager }, outcomes);
        Assert.IsTrue(await accounts.AnyActiveManagerAsync());
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task DeactivateKeepingAManagerAsync_Parent_IsDeactivated(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        var parent = IdentitySample.Account("parent", AccountRole.Parent, Sample.Now);
        await test.Database.Accounts.AddAsync(parent, []);

        Assert.AreEqual(Deactivation.Deactivated, await test.Database.Accounts.DeactivateKeepingAManagerAsync(parent.Id));
        Assert.IsFalse((await test.Database.Accounts.FindAsync(parent.Id))!.Active);
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task SetHashes_KnownAndUnknownAccount_ReplaceOnlyTheirColumn(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        var staff = IdentitySample.Account("staff", AccountRole.Staff, Sample.Now);
        await test.Database.Accounts.AddAsync(staff, []);

        Assert.AreEqual(AccountChange.Changed, await test.Database.Accounts.SetPasswordHashAsync(staff.Id, "password-hash-2"));
        Assert.AreEqual(AccountChange.Changed, await test.Database.Accounts.SetPinHashAsync(staff.Id, "pin-hash-2"));
        Assert.AreEqual(AccountChange.NotFound, await test.Database.Accounts.SetPinHashAsync("no-such-account", "pin-hash-3"));

        var stored = (await test.Database.Accounts.FindAsync(staff.Id))!;
        Assert.AreEqual(staff with { PasswordHash = "password-hash-2", PinHash = "pin-hash-2", CredentialGeneration = 2 }, stored);
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task SetChildrenAsync_NewListOrUnknownChild_ReplacesAllOrNothing(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        await Sample.AddChildrenAsync(test.Database);
        var parent = IdentitySample.Account("parent", AccountRole.Parent, Sample.Now);
        await test.Database.Accounts.AddAsync(parent, [Sample.Ava]);

        Assert.AreEqual(AccountChange.Changed, await test.Database.Accounts.SetChildrenAsync(parent.Id, [Sample.Ben, Sample.Ben]));
        CollectionAssert.AreEqual(new[] { Sample.Ben }, (await test.Database.Accounts.ChildrenOfAsync(parent.Id)).ToArray());

        Assert.AreEqual(AccountChange.UnknownChild, await test.Database.Accounts.SetChildrenAsync(parent.Id, [Sample.Ava, new ChildId("nobody")]));
        Assert.AreEqual(AccountChange.UnknownChild, await test.Database.Accounts.SetChildrenAsync(parent.Id, [new ChildId("a\0b")]));
        CollectionAssert.AreEqual(new[] { Sample.Ben }, (await test.Database.Accounts.ChildrenOfAsync(parent.Id)).ToArray(), "nothing changed");

        Assert.AreEqual(AccountChange.Changed, await test.Database.Accounts.SetChildrenAsync(parent.Id, []));
        Assert.IsEmpty(await test.Database.Accounts.ChildrenOfAsync(parent.Id));
        Assert.AreEqual(AccountChange.NotFound, await test.Database.Accounts.SetChildrenAsync("no-such-account", [Sample.Ava]));
    }
}
