using MediaGate.Data.Identity;
using MediaGate.Identity.SignIn;
using MediaGate.Data.Tests.Support;

namespace MediaGate.Data.Tests.Identity;

[TestClass]
public sealed class SqlSignInThrottleTests
{
    /// <summary>Three free attempts, then waits of 1, 2, 4… minutes up to 10; 15 quiet minutes start again.</summary>
    private static readonly SignInDelays ThreeThenDoubling = new(3, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(15));

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task TryAttemptAsync_ThirdAttempt_SetsAWaitThatRefusesTheNextUntilItEnds(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        var throttle = test.Database.SignInThrottle;

        Assert.AreEqual(new SignInTurn(true, 1, null, false), await throttle.TryAttemptAsync("k:ava", Sample.Now, ThreeThenDoubling));
        Assert.AreEqual(new SignInTurn(true, 2, null, false), await throttle.TryAttemptAsync("k:ava", Sample.Now, ThreeThenDoubling));
        Assert.AreEqual(new SignInTurn(true, 3, Sample.Now.AddMinutes(1), true), await throttle.TryAttemptAsync("k:ava", Sample.Now, ThreeThenDoubling));

        var early = await throttle.TryAttemptAsync("k:ava", Sample.Now.AddSeconds(59), ThreeThenDoubling);
        Assert.AreEqual(new SignInTurn(false, 3, Sample.Now.AddMinutes(1), false), early, "a waiting key is refused and not counted");
        Assert.IsTrue((await throttle.TryAttemptAsync("k:ben", Sample.Now, ThreeThenDoubling)).Admitted, "another key does not wait");
        var onTime = await throttle.TryAttemptAsync("k:ava", Sample.Now.AddMinutes(1), ThreeThenDoubling);
        Assert.AreEqual(new SignInTurn(true, 4, Sample.Now.AddMinutes(3), false), onTime, "the next wait is twice as long");
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task TryAttemptAsync_ManyFailures_WaitGrowsToTheMaximumAndNoFurther(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        var throttle = test.Database.SignInThrottle;
        var at = Sample.Now;
        var waits = new List<TimeSpan>();
        for (int i = 0; i < 9; i++)
        {
            var turn = await throttle.TryAttemptAsync("k:ava", at, ThreeThenDoubling);
            Assert.IsTrue(turn.Admitted, $"attempt {i + 1} at the end of the wait");
            var wait = (turn.WaitUntil ?? at) - at;
            waits.Add(wait);
            at += wait;
        }

        CollectionAssert.AreEqual(new[] { 0, 0, 1, 2, 4, 8, 10, 10, 10 }.Select(m => TimeSpan.FromMinutes(m)).ToArray(), waits);
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task TryAttemptAsync_QuietForTheWindowAfterTheWait_CountStartsAgain(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        var throttle = test.Database.SignInThrottle;
        for (int i = 0; i < 3; i++)
        {
            await throttle.TryAttemptAsync("k:ava", Sample.Now, ThreeThenDoubling);
        }

        // The wait ends a minute in; fifteen quiet minutes after it the count starts again, not before.
        var tooSoon = await throttle.TryAttemptAsync("k:ava", Sample.Now.AddMinutes(15), ThreeThenDoubling);
        Assert.AreEqual(4, tooSoon.Attempts);
        await throttle.ResetAsync("k:ava");
        for (int i = 0; i < 3; i++)
        {
            await throttle.TryAttemptAsync("k:ava", Sample.Now, ThreeThenDoubling);
        }

        var after = await throttle.TryAttemptAsync("k:ava", Sample.Now.AddMinutes(16).AddSeconds(1), ThreeThenDoubling);

        Assert.AreEqual(new SignInTurn(true, 1, null, false), after);
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task ResetAsync_DuringAWait_CountAndWaitAreGone(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        var throttle = test.Database.SignInThrottle;
        for (int i = 0; i < 3; i++)
        {
            await throttle.TryAttemptAsync("k:ava", Sample.Now, ThreeThenDoubling);
        }

        await throttle.ResetAsync("k:ava");

        Assert.AreEqual(new SignInTurn(true, 1, null, false), await throttle.TryAttemptAsync("k:ava", Sample.Now, ThreeThenDoubling));
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task ForgiveAsync_AttemptThatSetAWait_TakesBackTheAttemptAndItsWait(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        var throttle = test.Database.SignInThrottle;
        for (int i = 0; i < 3; i++)
        {
            await throttle.TryAttemptAsync("device:d1", Sample.Now, ThreeThenDoubling);
        }

        await throttle.ForgiveAsync("device:d1");

        Assert.AreEqual(new SignInTurn(true, 3, Sample.Now.AddMinutes(1), true), await throttle.TryAttemptAsync("device:d1", Sample.Now, ThreeThenDoubling));
        await throttle.ForgiveAsync("device:d1");
        await throttle.ForgiveAsync("device:d1");
        await throttle.ForgiveAsync("device:d1");
        await throttle.ForgiveAsync("device:d1");
        Assert.AreEqual(1, (await throttle.TryAttemptAsync("device:d1", Sample.Now, ThreeThenDoubling)).Attempts, "forgiving never goes below nothing");
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task TryAttemptAsync_TwoNodesAtOnce_OnlyTheFreeAttemptsAreAdmitted(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        await using var otherNode = await test.Reopen(new FakeTimeProvider(Sample.Now));
        var delays = ThreeThenDoubling with { FreeFailures = 40 };

        // 60 attempts from two nodes at once: none may be lost to a read-modify-write race, and none may slip past the
        // wait set by the 40th, whatever the interleaving.
        var turns = await Task.WhenAll(Enumerable.Range(0, 60).Select(i =>
            (i % 2 == 0 ? test.Database : otherNode).SignInThrottle.TryAttemptAsync("device:shared", Sample.Now, delays)));

        CollectionAssert.AreEquivalent(Enumerable.Range(1, 40).Select(i => (long)i).ToArray(), turns.Where(t => t.Admitted).Select(t => t.Attempts).ToArray());
        Assert.AreEqual(20, turns.Count(t => !t.Admitted));
        Assert.AreEqual(1, turns.Count(t => t.DelaysBegan));
    }

    [TestMethod]
    [DataRow(TestDatabase.Sqlite)]
    [DataRow(TestDatabase.PostgreSql)]
    public async Task PruneAsync_StaleWaitingAndFreshCounters_DeletesOnlyTheStaleOne(string store)
    {
        await using var test = await TestDatabase.CreateAsync(store, new FakeTimeProvider(Sample.Now));
        var throttle = test.Database.SignInThrottle;
        var longWait = ThreeThenDoubling with { FreeFailures = 1, FirstDelay = TimeSpan.FromHours(1), MaxDelay = TimeSpan.FromHours(1) };
        await throttle.TryAttemptAsync("k:stale", Sample.Now, ThreeThenDoubling);
        await throttle.TryAttemptAsync("k:waiting", Sample.Now, longWait);
        await throttle.TryAttemptAsync("k:fresh", Sample.Now.AddMinutes(10), ThreeThenDoubling);
        await throttle.TryAttemptAsync("k:fresh", Sample.Now.AddMinutes(10), ThreeThenDoubling);

        int deleted = await throttle.PruneAsync(Sample.Now.AddMinutes(20), TimeSpan.FromMinutes(15));

        Assert.AreEqual(1, deleted);
        Assert.IsFalse((await throttle.TryAttemptAsync("k:waiting", Sample.Now.AddMinutes(20), longWait)).Admitted, "a wait outlives the window");
        Assert.AreEqual(3, (await throttle.TryAttemptAsync("k:fresh", Sample.Now.AddMinutes(20), ThreeThenDoubling)).Attempts, "the fresh count was kept");
    }
}
