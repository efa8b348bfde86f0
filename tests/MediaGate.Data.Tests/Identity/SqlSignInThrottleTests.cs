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
    public async Task CountAttemptAsync_ThirdAttemptInWindow_LocksOutUntilTheLockoutEnds(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        var throttle = test.Database.SignInThrottle;

        Assert.AreEqual(new SignInCount(1, null), await throttle.CountAttemptAsync("account:ava", Sample.Now, ThreeIn15Minutes));
        Assert.AreEqual(new SignInCount(2, null), await throttle.CountAttemptAsync("account:ava", Sample.Now.AddMinutes(1), ThreeIn15Minutes));
        Assert.IsNull(await throttle.LockedUntilAsync("account:ava", Sample.Now.AddMinutes(1)));
        var third = await throttle.CountAttemptAsync("account:ava", Sample.Now.AddMinutes(2), ThreeIn15Minutes);

        Assert.AreEqual(new SignInCount(3, Sample.Now.AddMinutes(12)), third);
        Assert.IsTrue(third.ReachedLimit(ThreeIn15Minutes));
        Assert.IsFalse(third.IsOverLimit(ThreeIn15Minutes), "the attempt that reaches the limit is still checked");
        Assert.AreEqual(Sample.Now.AddMinutes(12), await throttle.LockedUntilAsync("account:ava", Sample.Now.AddMinutes(11)));
        Assert.IsNull(await throttle.LockedUntilAsync("account:ava", Sample.Now.AddMinutes(12)));
        Assert.IsNull(await throttle.LockedUntilAsync("account:ben", Sample.Now.AddMinutes(3)), "another key is not locked");
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task CountAttemptAsync_AfterTheLockoutEnds_CountStartsAgain(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        var throttle = test.Database.SignInThrottle;
        for (int i = 0; i < 3; i++)
        {
            await throttle.CountAttemptAsync("account:ava", Sample.Now, ThreeIn15Minutes);
        }

        // Ten minutes later the lock has ended though the fifteen-minute window has not.
        var next = await throttle.CountAttemptAsync("account:ava", Sample.Now.AddMinutes(10), ThreeIn15Minutes);

        Assert.AreEqual(new SignInCount(1, null), next);
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task CountAttemptAsync_AttemptsInSeparateWindows_NeverLockOut(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        var throttle = test.Database.SignInThrottle;

        for (int i = 0; i < 6; i++)
        {
            // Two attempts per window, then the window runs out and the count restarts.
            var at = Sample.Now.AddMinutes(16 * (i / 2)).AddMinutes(i % 2);
            var count = await throttle.CountAttemptAsync("address:10.0.0.1", at, ThreeIn15Minutes);
            Assert.AreEqual(new SignInCount(1 + (i % 2), null), count, $"attempt {i}");
        }
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task ResetAsync_AfterTwoAttempts_CountStartsAgain(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        var throttle = test.Database.SignInThrottle;
        await throttle.CountAttemptAsync("account:ava", Sample.Now, ThreeIn15Minutes);
        await throttle.CountAttemptAsync("account:ava", Sample.Now, ThreeIn15Minutes);

        await throttle.ResetAsync("account:ava");

        Assert.AreEqual(1, (await throttle.CountAttemptAsync("account:ava", Sample.Now, ThreeIn15Minutes)).Attempts);
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task ForgiveAsync_TwoAttemptsThenTwoForgiven_TakesBackExactlyOneEach(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        var throttle = test.Database.SignInThrottle;
        await throttle.CountAttemptAsync("device:d1", Sample.Now, ThreeIn15Minutes);
        await throttle.CountAttemptAsync("device:d1", Sample.Now, ThreeIn15Minutes);

        await throttle.ForgiveAsync("device:d1");
        Assert.AreEqual(2, (await throttle.CountAttemptAsync("device:d1", Sample.Now, ThreeIn15Minutes)).Attempts);
        await throttle.ForgiveAsync("device:d1");
        await throttle.ForgiveAsync("device:d1");

        Assert.AreEqual(1, (await throttle.CountAttemptAsync("device:d1", Sample.Now, ThreeIn15Minutes)).Attempts);
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task CountAttemptAsync_TwoNodesCountingAtOnce_EveryAttemptCounts(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        await using var otherNode = await test.Reopen(new FakeTimeProvider(Sample.Now));
        var limit = new SignInLimit(40, TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(10));

        // 60 attempts from two nodes at once: none may be lost to a read-modify-write race, so exactly 40 are
        // within the limit and 20 past it, whatever the interleaving.
        var attempts = Enumerable.Range(0, 60).Select(i =>
            (i % 2 == 0 ? test.Database : otherNode).SignInThrottle.CountAttemptAsync("device:shared", Sample.Now, limit));
        var counts = await Task.WhenAll(attempts);

        CollectionAssert.AreEquivalent(Enumerable.Range(1, 60).Select(i => (long)i).ToArray(), counts.Select(c => c.Attempts).ToArray());
        Assert.AreEqual(20, counts.Count(c => c.IsOverLimit(limit)));
        Assert.AreEqual(1, counts.Count(c => c.ReachedLimit(limit)));
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task PruneAsync_StaleAndLockedAndFreshCounters_DeletesOnlyTheStaleOne(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        var throttle = test.Database.SignInThrottle;
        var oneAttempt = new SignInLimit(1, TimeSpan.FromMinutes(15), TimeSpan.FromHours(1));
        await throttle.CountAttemptAsync("account:stale", Sample.Now, ThreeIn15Minutes);
        await throttle.CountAttemptAsync("account:locked", Sample.Now, oneAttempt);
        await throttle.CountAttemptAsync("account:fresh", Sample.Now.AddMinutes(10), ThreeIn15Minutes);
        await throttle.CountAttemptAsync("account:fresh", Sample.Now.AddMinutes(10), ThreeIn15Minutes);

        int deleted = await throttle.PruneAsync(Sample.Now.AddMinutes(20), TimeSpan.FromMinutes(15));

        Assert.AreEqual(1, deleted);
        Assert.IsNotNull(await throttle.LockedUntilAsync("account:locked", Sample.Now.AddMinutes(20)), "a lock outlives its window");
        Assert.AreEqual(3, (await throttle.CountAttemptAsync("account:fresh", Sample.Now.AddMinutes(20), ThreeIn15Minutes)).Attempts, "the fresh count was kept");
    }
}
