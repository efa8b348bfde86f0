using MediaGate.Gate.Worker;

namespace MediaGate.Gate.Tests.Worker;

[TestClass]
public sealed class RetryBackoffTests
{
    private static readonly RetryBackoff Backoff = new(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(60));

    [TestMethod]
    public void Delay_MoreOutagesInARow_Doubles()
    {
        Assert.AreEqual(TimeSpan.FromSeconds(2), Rounded(Backoff.Delay(0, 0.999999999)));
        Assert.AreEqual(TimeSpan.FromSeconds(4), Rounded(Backoff.Delay(1, 0.999999999)));
        Assert.AreEqual(TimeSpan.FromSeconds(16), Rounded(Backoff.Delay(3, 0.999999999)));
    }

    [TestMethod]
    public void Delay_ManyOutages_StaysAtTheCap()
    {
        Assert.AreEqual(TimeSpan.FromSeconds(60), Rounded(Backoff.Delay(10, 0.999999999)));
        Assert.AreEqual(TimeSpan.FromSeconds(60), Rounded(Backoff.Delay(int.MaxValue, 0.999999999)));
    }

    [TestMethod]
    public void Delay_Jitter_SpreadsBetweenHalfAndAllOfTheWait()
    {
        Assert.AreEqual(TimeSpan.FromSeconds(30), Backoff.Delay(10, 0));
        Assert.AreEqual(TimeSpan.FromSeconds(45), Backoff.Delay(10, 0.5));
    }

    private static TimeSpan Rounded(TimeSpan value) => TimeSpan.FromSeconds(Math.Round(value.TotalSeconds));

    [TestMethod]
    public void Delay_JitterOutsideItsRange_Throws() =>
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Backoff.Delay(0, 1.0));
}
