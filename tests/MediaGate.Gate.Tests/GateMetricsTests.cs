using System.Diagnostics;
using System.Diagnostics.Metrics;
using MediaGate.Consent.Matrix;
using MediaGate.Gate.Tests.Processing;
using MediaGate.Gate.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MediaGate.Gate.Tests;

[TestClass]
public sealed class GateMetricsTests
{
    [TestMethod]
    public async Task ProcessAsync_UploadThenDecision_RecordsUploadsOutcomeTimeToDecisionAndQueueLength()
    {
        await using var gate = await GateHarness.CreateAsync(Backends.SqliteFolders);
        var metrics = gate.Services.GetRequiredService<GateMetrics>();
        var factory = gate.Services.GetRequiredService<IMeterFactory>();
        var measured = new List<(string Name, double Value, string? Outcome)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            // Only this gate's meter: tests running at the same time have their own (the meter factory is its scope).
            if (instrument.Meter.Name == GateMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(measured, i, v, tags));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(measured, i, v, tags));
        listener.Start();
        var ava = await gate.AddChildAsync("Ava", Purpose.Journal);
        var sinceFirstUpload = Stopwatch.StartNew();
        var solo = await ProcessItemTests.UploadAsync(gate, Photos.Astronaut, ava);
        var group = await ProcessItemTests.UploadAsync(gate, Photos.Meeting, ava);

        await gate.Process.ProcessAsync(solo.MediaId, CancellationToken.None);
        await gate.Process.ProcessAsync(group.MediaId, CancellationToken.None);
        var testElapsed = sinceFirstUpload.Elapsed.TotalSeconds;
        listener.RecordObservableInstruments();

        lock (measured)
        {
            Assert.AreEqual(2, measured.Where(m => m.Name == "mediagate.uploads").Sum(m => m.Value));
            CollectionAssert.AreEquivalent(new[] { "released", "needs-assignment" },
                measured.Where(m => m.Name == "mediagate.items.decided").Select(m => m.Outcome).ToArray());
            // In seconds, from each upload to its decision: more than nothing (processing takes time) and no more
            // than this test has run since the first upload (a figure in ms, or taken from the wrong start, is not).
            var durations = measured.Where(m => m.Name == "mediagate.upload_to_decision.duration").Select(m => m.Value).ToList();
            Assert.HasCount(2, durations, "one upload-to-decision duration per decided item");
            Assert.IsTrue(durations.All(d => d > 0 && d <= testElapsed + 0.001), $"durations {string.Join(", ", durations)} s within the test's {testElapsed:F3} s");
            Assert.AreEqual(1, measured.Last(m => m.Name == "mediagate.review_queue.length").Value);
        }

        Assert.AreEqual(1, metrics.ReviewQueueLength);
    }

    private static void Record(List<(string, double, string?)> measured, Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        string? outcome = null;
        foreach (var tag in tags)
        {
            outcome = tag.Key == "outcome" ? tag.Value as string : outcome;
        }

        lock (measured)
        {
            measured.Add((instrument.Name, value, outcome));
        }
    }
}
