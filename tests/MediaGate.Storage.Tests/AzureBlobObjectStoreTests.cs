using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Net.Sockets;
using Azure;
using MediaGate.Storage.AzureBlob;
using MediaGate.Storage.Tests.Support;
using MediaGate.Testing.Servers;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace MediaGate.Storage.Tests;

/// <summary>
/// The blob store's resilience against a service that is down or hangs (no Azurite needed: a port where nothing
/// listens, and a listener that accepts connections and never answers), and its options.
/// </summary>
[TestClass]
public sealed class AzureBlobObjectStoreTests
{
    // A guard against a hang only: every call here must end by its own timeouts well before it.
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(120);

    [TestMethod]
    public async Task PutAsync_NothingListening_RetriesThenThrowsUnavailable()
    {
        var logger = new RecordingLogger<AzureBlobObjectStore>();
        var options = TestStore.BlobOptions(AzuriteServer.ConnectionStringFor(AzuriteServer.FreePort()));
        options.Resilience.MaxRetryAttempts = 3;
        options.Resilience.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
        options.Resilience.CircuitMinimumThroughput = 100; // keep the circuit out of this test
        var store = new AzureBlobObjectStore(options, logger);
        using var guard = new CancellationTokenSource(HangGuard);

        var error = await Assert.ThrowsAsync<ObjectStoreException>(() => store.PutAsync(TestData.Key("a"), new MemoryStream([1]), guard.Token));

        Assert.AreEqual(ObjectStoreFailureKind.Unavailable, error.Kind);
        Assert.IsInstanceOfType<RequestFailedException>(error.InnerException);
        Assert.AreEqual(3, logger.Messages.Count(m => m.StartsWith("Blob store attempt failed", StringComparison.Ordinal)));
        Assert.IsFalse(guard.IsCancellationRequested);
    }

    [TestMethod]
    public async Task ExistsAsync_ServerAcceptsButNeverAnswers_AttemptTimeoutsThenUnavailable()
    {
        // Recipe: a TCP listener that accepts every connection and never sends a byte (a hung service).
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var accepted = new List<TcpClient>();
        var acceptLoop = Task.Run(async () =>
        {
            while (true)
            {
                accepted.Add(await listener.AcceptTcpClientAsync());
            }
        });
        var logger = new RecordingLogger<AzureBlobObjectStore>();
        var options = TestStore.BlobOptions(AzuriteServer.ConnectionStringFor(((IPEndPoint)listener.LocalEndpoint).Port));
        options.Resilience.MaxRetryAttempts = 2;
        options.Resilience.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
        options.Resilience.AttemptTimeout = TimeSpan.FromMilliseconds(300);
        options.Resilience.CircuitMinimumThroughput = 100;
        var store = new AzureBlobObjectStore(options, logger);
        using var guard = new CancellationTokenSource(HangGuard);

        var error = await Assert.ThrowsAsync<ObjectStoreException>(() => store.ExistsAsync(TestData.Key("a"), guard.Token));

        Assert.AreEqual(ObjectStoreFailureKind.Unavailable, error.Kind);
        Assert.IsInstanceOfType<TimeoutRejectedException>(error.InnerException);
        Assert.AreEqual(2, logger.Messages.Count(m => m.StartsWith("Blob store attempt failed with TimeoutRejectedException", StringComparison.Ordinal)));
        Assert.IsFalse(guard.IsCancellationRequested);
        listener.Stop();
        foreach (var client in accepted.ToArray())
        {
            client.Dispose();
        }
    }

    [TestMethod]
    public async Task PutAsync_ServiceKeepsFailing_CircuitOpensAndFailsFast()
    {
        var logger = new RecordingLogger<AzureBlobObjectStore>();
        var options = TestStore.BlobOptions(AzuriteServer.ConnectionStringFor(AzuriteServer.FreePort()));
        options.Resilience.MaxRetryAttempts = 0;
        options.Resilience.CircuitMinimumThroughput = 2;
        options.Resilience.CircuitFailureRatio = 0.5;
        options.Resilience.CircuitSamplingDuration = TimeSpan.FromMinutes(5);
        options.Resilience.CircuitBreakDuration = TimeSpan.FromMinutes(5);
        var store = new AzureBlobObjectStore(options, logger);

        // Two failed attempts open the circuit; the third call is refused without an attempt.
        for (var i = 0; i < 2; i++)
        {
            var failed = await Assert.ThrowsAsync<ObjectStoreException>(() => store.PutAsync(TestData.Key("a"), new MemoryStream([1])));
            Assert.IsInstanceOfType<RequestFailedException>(failed.InnerException);
        }

        var refused = await Assert.ThrowsAsync<ObjectStoreException>(() => store.PutAsync(TestData.Key("a"), new MemoryStream([1])));

        Assert.AreEqual(ObjectStoreFailureKind.Unavailable, refused.Kind);
        Assert.IsInstanceOfType<BrokenCircuitException>(refused.InnerException);
        Assert.AreEqual(1, logger.Messages.Count(m => m.StartsWith("Blob store circuit opened", StringComparison.Ordinal)));
        var readiness = await store.CheckReadyAsync();
        Assert.IsFalse(readiness.IsReady);
    }

    [TestMethod]
    public async Task OpenReadAsync_ConnectionBreaksMidBody_ReadThrowsUnavailable()
    {
        // Recipe: a one-shot HTTP server that promises 100,000 bytes, sends 1,000 and closes the connection.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var server = Task.Run(async () =>
        {
            using var client = await listener.AcceptTcpClientAsync();
            var stream = client.GetStream();
            var request = new byte[8192];
            _ = await stream.ReadAsync(request);
            var head = "HTTP/1.1 200 OK\r\nContent-Length: 100000\r\nContent-Type: application/octet-stream\r\nx-ms-blob-type: BlockBlob\r\n\r\n"u8.ToArray();
            await stream.WriteAsync(head);
            await stream.WriteAsync(TestData.Bytes(1000, seed: 1));
            await stream.FlushAsync();
        });
        var options = TestStore.BlobOptions(AzuriteServer.ConnectionStringFor(((IPEndPoint)listener.LocalEndpoint).Port));
        options.Resilience.MaxRetryAttempts = 0;
        options.Resilience.AttemptTimeout = TimeSpan.FromSeconds(2);
        var store = new AzureBlobObjectStore(options);

        var body = await store.OpenReadAsync(TestData.Key("a"));
        Assert.IsNotNull(body);
        await server;
        var error = await Assert.ThrowsAsync<ObjectStoreException>(() => TestData.ReadAllAsync(body));

        Assert.AreEqual(ObjectStoreFailureKind.Unavailable, error.Kind);
    }

    [TestMethod]
    public async Task CheckReadyAsync_RealAzurite_CreatesContainerAndIsReady()
    {
        var store = new AzureBlobObjectStore(TestStore.BlobOptions(TestAssembly.Azurite.ConnectionString));

        var readiness = await store.CheckReadyAsync();

        Assert.IsTrue(readiness.IsReady, readiness.Problem);
    }

    [TestMethod]
    public async Task PutAsync_WrongAccountKey_ThrowsUnavailableWithoutSecrets()
    {
        var wrongKey = Convert.ToBase64String(TestData.Bytes(64, seed: 1));
        var connection = TestAssembly.Azurite.ConnectionString.Replace(AzuriteServer.DevelopmentAccountKey, wrongKey, StringComparison.Ordinal);
        var store = new AzureBlobObjectStore(TestStore.BlobOptions(connection));

        var error = await Assert.ThrowsAsync<ObjectStoreException>(() => store.PutAsync(TestData.Key("a"), new MemoryStream([1])));

        Assert.AreEqual(ObjectStoreFailureKind.Unavailable, error.Kind);
        Assert.DoesNotContain(wrongKey, error.Message);
        Assert.IsFalse((await store.CheckReadyAsync()).IsReady);
    }

    [TestMethod]
    public void Constructor_InvalidOptions_ThrowsValidationWithoutConnectionString()
    {
        var secret = AzuriteServer.ConnectionStringFor(1);
        var badContainer = TestStore.BlobOptions(secret);
        badContainer.ContainerName = "Bad_Name";
        var badRetries = TestStore.BlobOptions(secret);
        badRetries.Resilience.MaxRetryAttempts = 50;
        var badTimeout = TestStore.BlobOptions(secret);
        badTimeout.Resilience.AttemptTimeout = TimeSpan.Zero;
        var badBlock = TestStore.BlobOptions(secret);
        badBlock.BlockSize = 10;
        var noConnection = TestStore.BlobOptions("");

        foreach (var options in new[] { badContainer, badRetries, badTimeout, badBlock, noConnection })
        {
            var error = Assert.ThrowsExactly<ValidationException>(() => new AzureBlobObjectStore(options));
            Assert.DoesNotContain(AzuriteServer.DevelopmentAccountKey, error.Message);
        }

        var garbled = Assert.ThrowsExactly<ObjectStoreException>(() => new AzureBlobObjectStore(TestStore.BlobOptions("AccountKey=" + AzuriteServer.DevelopmentAccountKey + ";nonsense")));
        Assert.DoesNotContain(AzuriteServer.DevelopmentAccountKey, garbled.Message);
        Assert.IsNull(garbled.InnerException);
    }
}
