using MediaGate.Consent.People;
using MediaGate.Data.Identity;
using MediaGate.Data.Tests.Support;

namespace MediaGate.Data.Tests.Identity;

[TestClass]
public sealed class SqlAccountRepositoryTests
{
    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task AddAsync_ParentWithChildren_IsFoundByUsernameInAnyCaseWithItsChildren(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        await Sample.AddChildrenAsync(test.Database);
        var parent = IdentitySample.Account("Mum.Of.Ava", AccountRole.Parent, Sample.Now);

        var added = await test.Database.Accounts.AddAsync(parent, [Sample.Ben, Sample.Ava]);

        Assert.AreEqual(AccountAdded.Added, added);
        Assert.AreEqual(parent, await test.Database.Accounts.FindByUsernameAsync("mum.of.AVA"));
        Assert.AreEqual(parent, await test.Database.Accounts.FindAsync(parent.Id));
        CollectionAssert.AreEqual(new[] { Sample.Ava, Sample.Ben }, (await test.Database.Accounts.ChildrenOfAsync(parent.Id)).ToArray());
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task AddAsync_UsernameTakenInOtherCase_IsRefusedAndFirstAccountStays(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        var first = IdentitySample.Account("robin", AccountRole.Staff, Sample.Now);
        await test.Database.Accounts.AddAsync(first, []);

        var added = await test.Database.Accounts.AddAsync(IdentitySample.Account("ROBIN", AccountRole.Manager, Sample.Now), []);

        Assert.AreEqual(AccountAdded.UsernameTaken, added);
        Assert.HasCount(1, await test.Database.Accounts.ListAsync());
        Assert.AreEqual(first, await test.Database.Accounts.FindByUsernameAsync("Robin"));
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task AddAsync_UnknownChild_AddsNothing(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        await Sample.AddChildrenAsync(test.Database);
        var parent = IdentitySample.Account("parent1", AccountRole.Parent, Sample.Now);

        var added = await test.Database.Accounts.AddAsync(parent, [Sample.Ava, new ChildId("nobody")]);

        Assert.AreEqual(AccountAdded.UnknownChild, added);
        Assert.IsNull(await test.Database.Accounts.FindAsync(parent.Id));
        Assert.IsEmpty(await test.Database.Accounts.ChildrenOfAsync(parent.Id));
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task AddAsync_ChildIdWithANulCharacter_IsAnUnknownChildAndAddsNothing(string store)
    {
        // Red team: the manager's "children": ["\u0000"] was a PostgreSQL error (a 500), not "unknown child".
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        await Sample.AddChildrenAsync(test.Database);
        var parent = IdentitySample.Account("parent1", AccountRole.Parent, Sample.Now);

        var added = await test.Database.Accounts.AddAsync(parent, [new ChildId(Sample.Ava.Value + "\0")]);

        Assert.AreEqual(AccountAdded.UnknownChild, added);
        Assert.IsNull(await test.Database.Accounts.FindAsync(parent.Id));
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task AnyActiveManagerAsync_ManagerDeactivated_IsFalseAgain(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        var accounts = test.Database.Accounts;
        await accounts.AddAsync(IdentitySample.Account("staff1", AccountRole.Staff, Sample.Now), []);
        Assert.IsFalse(await accounts.AnyActiveManagerAsync());
        var manager = IdentitySample.Account("boss", AccountRole.Manager, Sample.Now);
        await accounts.AddAsync(manager, []);
        Assert.IsTrue(await accounts.AnyActiveManagerAsync());

        Assert.IsTrue(await accounts.DeactivateAsync(manager.Id));

        Assert.IsFalse(await accounts.AnyActiveManagerAsync());
        Assert.IsFalse((await accounts.FindAsync(manager.Id))!.Active);
        Assert.IsFalse(await accounts.DeactivateAsync("no-such-account"));
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task ListAsync_ThreeAccounts_AreInUsernameOrderWithoutRegardToCase(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        foreach (string name in new[] { "carol", "Alice", "bob" })
        {
            await test.Database.Accounts.AddAsync(IdentitySample.Account(name, AccountRole.Staff, Sample.Now), []);
        }

        CollectionAssert.AreEqual(new[] { "Alice", "bob", "carol" }, (await test.Database.Accounts.ListAsync()).Select(a => a.Username).ToArray());
    }
}
