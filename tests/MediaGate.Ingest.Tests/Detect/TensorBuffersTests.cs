using MediaGate.Ingest.Detect;

namespace MediaGate.Ingest.Tests.Detect;

/// <summary>
/// The detectors' input buffers are kept in a bounded pool (<see cref="TensorBuffers"/>), not per thread: under load the
/// service's detections ran on many pool threads, and each kept an 8 MiB YuNet buffer (up to 218 MB in all).
/// </summary>
[TestClass]
public sealed class TensorBuffersTests
{
    private const int Threads = 12;

    [TestMethod]
    [DoNotParallelize] // It measures the managed heap: no other test may allocate meanwhile.
    public void Detect_OnManyThreadsThatStayAlive_KeepsFewInputBuffers()
    {
        using IFaceDetector detector = DetectTestData.Create("yunet-n");
        var image = DetectTestData.FacesDev("images/0--Parade/0_Parade_Parade_0_887.jpg");
        Assert.IsTrue(detector.Detect(image).IsSuccess);
        long before = GC.GetTotalMemory(forceFullCollection: true);

        using var release = new ManualResetEventSlim();
        using var done = new CountdownEvent(Threads);
        var failures = 0;
        var threads = Enumerable.Range(0, Threads).Select(_ => new Thread(() =>
        {
            if (!detector.Detect(image).IsSuccess)
            {
                Interlocked.Increment(ref failures);
            }

            done.Signal();
            release.Wait(); // alive, as a pool thread stays between work items
        })).ToList();
        threads.ForEach(t => t.Start());
        done.Wait();
        long kept = GC.GetTotalMemory(forceFullCollection: true) - before;
        release.Set();
        threads.ForEach(t => t.Join());

        Assert.AreEqual(0, failures);

        // A buffer of each size per thread kept 144 MiB here; the bounded pool keeps two buffers.
        Assert.IsLessThan(32L * 1024 * 1024, kept, $"{kept / (1024 * 1024)} MiB kept after {Threads} threads' detections");
    }
}
