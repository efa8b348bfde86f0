using MediaGate.Consent.Matrix;
using MediaGate.Data.Media;
using MediaGate.Data.Work;
using MediaGate.Gate.Outcomes;
using MediaGate.Gate.Tests.Processing;
using MediaGate.Gate.Tests.Support;
using MediaGate.Testing.Servers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MediaGate.Gate.Tests.Worker;

/// <summary>
/// Issue 13's first try, with the real blob service: Azurite stopped while photos wait and uploads come in, then started
/// again on the same port and data. PostgreSQL, the SDK and its Polly pipeline (retries, circuit breaker) as in production.
/// </summary>
[TestClass]
public sealed class AzuriteOutageTests
{
    /// <summary>Not a timing threshold: only how long to wait before calling the worker stuck.</summary>
    private static readonly TimeSpan Stuck = TimeSpan.FromMinutes(4);

    [TestMethod]
    public async Task ExecuteAsync_AzuriteStoppedThenStartedAgain_EveryAcknowledgedUploadEndsDecided()
    {
        var azurite = AzuriteServer.Start();
        var log = new OutageLog();
        try
        {
            var settings = new Dictionary<string, string?>
            {
                ["Gate:MaxAttempts"] = "1",
                ["Gate:RetryFirstSeconds"] = "1",
                ["Gate:RetryMaxSeconds"] = "2",
                ["Gate:WorkerCount"] = "2",
            };
            foreach (var store in new[] { "Master", "Renditions" })
            {
                settings[$"Storage:{store}:AzureBlob:ConnectionString"] = azurite.ConnectionString;
            }

            await using var gate = await GateHarness.CreateAsync(Backends.PostgresAzurite, settings,
                configure: services => services.AddSingleton<ILoggerProvider>(log));
            var ava = await gate.AddChildAsync("Ava", Purpose.Journal);
            var acknowledged = new List<string>();
            foreach (var photo in new[] { Photos.Astronaut, Photos.Coffee, Photos.Astronaut })
            {
                acknowledged.Add((await ProcessItemTests.UploadAsync(gate, photo, ava)).MediaId);
            }

            azurite.Stop();
            await gate.Worker.StartAsync(CancellationToken.None);
            var during = await gate.Accept.AcceptAsync(await new UploadBody { Children = [ava] }.File(Photos.Coffee).RequestAsync(), CancellationToken.None);
            await WaitAsync(() => Task.FromResult(log.Outages >= 2 * acknowledged.Count));
            azurite = azurite.StartAgain();
            await WaitAsync(async () => (await gate.Database.Media.ItemsWithStatusAsync([MediaStatus.Processing], 10)).Count == 0);
            await gate.Worker.StopAsync(CancellationToken.None);

            Assert.AreEqual(GateProblemKind.Unavailable, during.Problem?.Kind, "an upload while the store is down is refused (the tablet keeps it)");
            foreach (var id in acknowledged)
            {
                var item = await gate.Database.Media.FindItemAsync(id);
                Assert.AreEqual(MediaStatus.Released, item!.Status, $"acknowledged item {id} ended {item.Status}: {item.StatusDetail}");
                Assert.AreEqual(WorkState.Done, await gate.Database.Work.StateAsync(id));
            }
        }
        finally
        {
            azurite.Dispose();
        }
    }

    private static async Task WaitAsync(Func<Task<bool>> done)
    {
        using var stuck = new CancellationTokenSource(Stuck);
        while (!await done())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), stuck.Token);
        }
    }

    /// <summary>Counts the worker's "a store or the database was away" warnings: each is an item given back to wait.</summary>
    private sealed class OutageLog : ILoggerProvider, ILogger
    {
        private int _outages;

        public int Outages => Volatile.Read(ref _outages);

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (formatter(state, exception).Contains("no attempt spent", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _outages);
            }
        }

        public void Dispose()
        {
        }
    }
}
