using MediaGate.Ingest.Concurrency;

namespace MediaGate.Ingest.Tests.Concurrency;

[TestClass]
public sealed class PixelBudgetTests
{
    [TestMethod]
    public void Acquire_TwoPhotosThatFit_BothAdmitted()
    {
        var budget = new PixelBudget(50_000_000);

        using var first = budget.Acquire(12_000_000);
        using var second = budget.Acquire(12_000_000);

        Assert.AreEqual(24_000_000, budget.InFlight);
    }

    [TestMethod]
    public void Acquire_PhotoLargerThanCapacityWithNothingInFlight_RunsAlone()
    {
        var budget = new PixelBudget(10);

        using var lease = budget.Acquire(100);

        Assert.AreEqual(100, budget.InFlight);
    }

    [TestMethod]
    public void Acquire_PhotoThatDoesNotFit_WaitsUntilAnotherIsReleased()
    {
        var budget = new PixelBudget(50_000_000);
        var first = budget.Acquire(48_000_000);
        using var admitted = new ManualResetEventSlim();

        var waiter = Task.Run(() =>
        {
            using var second = budget.Acquire(12_000_000);
            admitted.Set();
        });

        // The second photo must not be admitted while the first holds 48 MP of a 50 MP budget.
        Assert.IsFalse(admitted.Wait(TimeSpan.FromMilliseconds(300)));
        first.Dispose();
        Assert.IsTrue(admitted.Wait(TimeSpan.FromSeconds(10)));
        waiter.Wait(TimeSpan.FromSeconds(10));
        Assert.AreEqual(0, budget.InFlight);
    }

    [TestMethod]
    public void Dispose_Twice_GivesThePixelsBackOnce()
    {
        var budget = new PixelBudget(100);
        using var other = budget.Acquire(30);
        var lease = budget.Acquire(50);

        lease.Dispose();
        lease.Dispose();

        Assert.AreEqual(30, budget.InFlight);
    }

    [TestMethod]
    public void Acquire_ManyThreads_NeverExceedsCapacityWhileMoreThanOneHolds()
    {
        var budget = new PixelBudget(100);
        long worst = 0;
        Parallel.For(0, 200, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            using var lease = budget.Acquire(10 + (i % 5 * 20));
            long now = budget.InFlight;
            long seen;
            do
            {
                seen = Interlocked.Read(ref worst);
            }
            while (now > seen && Interlocked.CompareExchange(ref worst, now, seen) != seen);
            Thread.SpinWait(200);
        });

        Assert.IsLessThanOrEqualTo(100L, worst);
        Assert.AreEqual(0, budget.InFlight);
    }

    [TestMethod]
    public async Task AcquireAsync_PhotoThatDoesNotFit_WaitsUntilAnotherIsReleased()
    {
        var budget = new PixelBudget(50_000_000);
        var first = budget.Acquire(48_000_000);

        var second = budget.AcquireAsync(12_000_000);

        Assert.IsFalse(second.IsCompleted, "12 MP more do not fit while 48 MP of a 50 MP budget are held");
        Assert.AreEqual(1, budget.Waiting);
        first.Dispose();
        using (var lease = await second.WaitAsync(TimeSpan.FromSeconds(30)))
        {
            Assert.AreEqual(12_000_000, budget.InFlight);
        }

        Assert.AreEqual(0, budget.InFlight);
        Assert.AreEqual(0, budget.Waiting);
    }

    [TestMethod]
    public async Task AcquireAsync_CancelledWhileWaiting_ThrowsAndTakesNothing()
    {
        var budget = new PixelBudget(100);
        using var held = budget.Acquire(100);
        using var cancel = new CancellationTokenSource();
        var waiting = budget.AcquireAsync(10, cancel.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAsync<OperationCanceledException>(() => waiting);
        Assert.AreEqual(100, budget.InFlight);
        Assert.AreEqual(0, budget.Waiting);
    }
}
