using MediaGate.Consent.People;
using MediaGate.Data.Tests.Support;

namespace MediaGate.Data.Tests;

[TestClass]
public sealed class SqlChildRepositoryTests
{
    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task AddAsync_TwoChildren_AreFoundAndListedInIdOrder(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        var children = test.Database.Children;

        await children.AddAsync(new Child(Sample.Ben, "Ben"));
        await children.AddAsync(new Child(Sample.Ava, "Ava", "Robins"));

        Assert.AreEqual(new Child(Sample.Ava, "Ava", "Robins"), await children.FindAsync(Sample.Ava));
        Assert.IsNull(await children.FindAsync(new ChildId("nobody")));
        CollectionAssert.AreEqual(new[] { "ava", "ben" }, (await children.ListAsync()).Select(c => c.Id.Value).ToArray());
    }
}
