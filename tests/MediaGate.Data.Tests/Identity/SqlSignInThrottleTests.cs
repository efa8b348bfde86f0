using MediaGate.Data.Identity;
using MediaGate.Data.Tests.Support;

namespace MediaGate.Data.Tests.Identity;

[TestClass]
public sealed class SqlSignInThrottleTests
{
    private static readonly SignInLimit ThreeIn15Minutes = new(3, TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(10));

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task RecordFailureAsync_ThirdFailureInWindow_LocksOutUntilLockoutEnds(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        var throttle = test.Database.SignInThrottle;

        Assert.IsNull(await throttle.RecordFailureAsync("account:ava", Sample.Now, ThreeIn15Minutes));
        Assert.IsNull(await throttle.RecordFailureAsync("account:ava", Sample.Now.AddMinutes(1), ThreeIn15Minutes));
        Assert.IsNull(await throttle.LockedUntilAsync("account:ava", Sample.Now.AddMinutes(1)));
        var lockedUntil = await throttle.RecordFailureAsync("account:ava", Sample.Now.AddMinutes(2), ThreeIn15Minutes);

        Assert.AreEqual(Sample.Now.AddMinutes(12), lockedUntil);
        Assert.AreEqual(Sample.Now.AddMinutes(12), await throttle.LockedUntilAsync("account:ava", Sample.Now.AddMinutes(11)));
        Assert.IsNull(await throttle.LockedUntilAsync("account:ava", Sample.Now.AddMinutes(12)));
        Assert.IsNull(await throttle.LockedUntilAsync("account:ben", Sample.Now.AddMinutes(3)), "another key is not locked");
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task RecordFailureAsync_FailuresInSeparateWindows_NeverLockOut(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        var throttle = test.Database.SignInThrottle;

        for (int i = 0; i < 6; i++)
        {
            // Two failures per window, then the window runs out and the count restarts.
            var at = Sample.Now.AddMinutes(16 * (i / 2)).AddMinutes(i % 2);
            Assert.IsNull(await throttle.RecordFailureAsync("address:10.0.0.1", at, ThreeIn15Minutes), $"failure {i}");
        }
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task ResetAsync_AfterTwoFailures_CountStartsAgain(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        var throttle = test.Database.SignInThrottle;
        await throttle.RecordFailureAsync("account:ava", Sample.Now, ThreeIn15Minutes);
        await throttle.RecordFailureAsync("account:ava", Sample.Now, ThreeIn15Minutes);

        await throttle.ResetAsync("account:ava");

        Assert.IsNull(await throttle.RecordFailureAsync("account:ava", Sample.Now, ThreeIn15Minutes));
        Assert.IsNull(await throttle.RecordFailureAsync("account:ava", Sample.Now, ThreeIn15Minutes));
        Assert.IsNotNull(await throttle.RecordFailureAsync("account:ava", Sample.Now, ThreeIn15Minutes));
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task RecordFailureAsync_TwoNodesCountingAtOnce_EveryFailureCounts(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        await using var otherNode = await test.Reopen(new FakeTimeProvider(Sample.Now));
        var limit = new SignInLimit(40, TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(10));

        // 39 failures from two nodes at once: none may be lost to a read-modify-write race, so the 40th locks.
        var failures = Enumerable.Range(0, 39).Select(i =>
            (i % 2 == 0 ? test.Database : otherNode).SignInThrottle.RecordFailureAsync("device:shared", Sample.Now, limit));
        var results = await Task.WhenAll(failures);

        Assert.IsTrue(results.All(r => r is null));
        Assert.IsNotNull(await test.Database.SignInThrottle.RecordFailureAsync("device:shared", Sample.Now, limit));
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task PruneAsync_StaleAndLockedAndFreshCounters_DeletesOnlyTheStaleOne(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        var throttle = test.Database.SignInThrottle;
        var oneFailure = new SignInLimit(1, TimeSpan.FromMinutes(15), TimeSpan.FromHours(1));
        await throttle.RecordFailureAsync("account:stale", Sample.Now, ThreeIn15Minutes);
        await throttle.RecordFailureAsync("account:locked", Sample.Now, oneFailure);
        await throttle.RecordFailureAsync("account:fresh", Sample.Now.AddMinutes(10), ThreeIn15Minutes);
        await throttle.RecordFailureAsync("account:fresh", Sample.Now.AddMinutes(10), ThreeIn15Minutes);

        int deleted = await throttle.PruneAsync(Sample.Now.AddMinutes(20), TimeSpan.FromMinutes(15));

        Assert.AreEqual(1, deleted);
        Assert.IsNotNull(await throttle.LockedUntilAsync("account:locked", Sample.Now.AddMinutes(20)), "a lock outlives its window");
        Assert.IsNotNull(await throttle.RecordFailureAsync("account:fresh", Sample.Now.AddMinutes(20), ThreeIn15Minutes), "the fresh count was kept");
    }
}
