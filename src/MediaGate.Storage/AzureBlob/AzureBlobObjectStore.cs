using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.CircuitBreaker;

namespace MediaGate.Storage.AzureBlob;

/// <summary>
/// Objects as block blobs in one container, through the Azure.Storage.Blobs SDK, each request wrapped in
/// <see cref="BlobResiliencePipeline"/>. A put reads the source one block at a time (so a failed block is
/// retried from memory), hashes it, and commits with <c>If-None-Match: *</c> and the SHA-256 in the blob's
/// metadata: the blob appears whole at commit or not at all, and a put of an existing key is answered by
/// comparing hashes (same content: <see cref="PutResult.AlreadyPresent"/>; other content: Conflict). Blocks of a
/// put that did not commit are discarded by the service.
/// </summary>
public sealed class AzureBlobObjectStore : IObjectStore
{
    internal const string HashMetadataName = "mediagate_sha256";
    private readonly BlobContainerClient _container;
    private readonly ResiliencePipeline _pipeline;
    private readonly int _blockSize;
    private readonly Lock _containerLock = new();
    private Task? _containerReady;

    public AzureBlobObjectStore(AzureBlobObjectStoreOptions options, ILogger<AzureBlobObjectStore>? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);
        var clientOptions = new BlobClientOptions();
        clientOptions.Retry.MaxRetries = 0; // Polly owns retries; two layers would multiply attempts and hide the circuit.
        // Longer than Polly's attempt timeout, so that Polly's timeout normally ends a stalled request; it still
        // bounds each read of a downloaded body, which runs after the attempt has returned.
        clientOptions.Retry.NetworkTimeout = options.Resilience.AttemptTimeout * 2;
        BlobServiceClient service;
        try
        {
            service = new BlobServiceClient(options.ConnectionString, clientOptions);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
        {
            // The SDK's message may quote the connection string; this one does not, and the inner exception is dropped for that reason.
            throw new ObjectStoreException(ObjectStoreFailureKind.Unavailable, "The blob store's connection string is not valid.");
        }

        _container = service.GetBlobContainerClient(options.ContainerName);
        _blockSize = options.BlockSize;
        _pipeline = BlobResiliencePipeline.Build(options.Resilience, logger ?? (ILogger)NullLogger.Instance, timeProvider ?? TimeProvider.System);
    }

    public async Task<PutResult> PutAsync(ObjectKey key, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(content);
        await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        var blob = _container.GetBlockBlobClient(key.Value);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var block = new byte[_blockSize];
        var conditions = new BlobRequestConditions { IfNoneMatch = ETag.All };
        byte[]? digest = null;
        try
        {
            var filled = await ReadBlockAsync(content, block, cancellationToken).ConfigureAwait(false);
            hash.AppendData(block, 0, filled);
            if (filled < block.Length)
            {
                // Small object: one request carries content, hash and the "only if new" condition.
                digest = hash.GetHashAndReset();
                var metadata = Metadata(digest);
                await RunAsync(key, async token =>
                {
                    using var body = new MemoryStream(block, 0, filled, writable: false);
                    await blob.UploadAsync(body, new BlobUploadOptions { Metadata = metadata, Conditions = conditions }, token).ConfigureAwait(false);
                }, cancellationToken).ConfigureAwait(false);
                return PutResult.Created;
            }

            // Fixed-length block ids, unique per put, so concurrent puts of one key never mix their blocks.
            var putId = Guid.NewGuid().ToString("N");
            var blockIds = new List<string>();
            while (filled > 0)
            {
                var blockId = Convert.ToBase64String(Encoding.ASCII.GetBytes($"{putId}-{blockIds.Count:D6}"));
                var length = filled;
                await RunAsync(key, async token =>
                {
                    using var body = new MemoryStream(block, 0, length, writable: false);
                    await blob.StageBlockAsync(blockId, body, cancellationToken: token).ConfigureAwait(false);
                }, cancellationToken).ConfigureAwait(false);
                blockIds.Add(blockId);
                filled = await ReadBlockAsync(content, block, cancellationToken).ConfigureAwait(false);
                hash.AppendData(block, 0, filled);
            }

            digest = hash.GetHashAndReset();
            var commitMetadata = Metadata(digest);
            await RunAsync(key, token => blob.CommitBlockListAsync(blockIds, new CommitBlockListOptions { Metadata = commitMetadata, Conditions = conditions }, token), cancellationToken).ConfigureAwait(false);
            return PutResult.Created;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412 && digest is not null)
        {
            // Taken (or a retried commit that had already succeeded): same hash means the same object.
            var properties = await RunAsync(key, token => blob.GetPropertiesAsync(cancellationToken: token), cancellationToken).ConfigureAwait(false);
            var ours = Convert.ToHexStringLower(digest);
            return properties.Value.Metadata.TryGetValue(HashMetadataName, out var theirs) && string.Equals(theirs, ours, StringComparison.Ordinal)
                ? PutResult.AlreadyPresent
                : throw new ObjectStoreException(ObjectStoreFailureKind.Conflict, $"Object '{key}' already exists with different content.");
        }
    }

    public async Task<Stream?> OpenReadAsync(ObjectKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var blob = _container.GetBlobClient(key.Value);
        try
        {
            var response = await RunAsync(key, token => blob.DownloadStreamingAsync(cancellationToken: token), cancellationToken).ConfigureAwait(false);
            return new BlobReadStream(response.Value.Content, key);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task<bool> ExistsAsync(ObjectKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var blob = _container.GetBlobClient(key.Value);
        var response = await RunAsync(key, token => blob.ExistsAsync(token), cancellationToken).ConfigureAwait(false);
        return response.Value;
    }

    public async Task<bool> DeleteAsync(ObjectKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var blob = _container.GetBlobClient(key.Value);
        try
        {
            var response = await RunAsync(key, token => blob.DeleteIfExistsAsync(cancellationToken: token), cancellationToken).ConfigureAwait(false);
            return response.Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false; // the container itself is missing
        }
    }

    public async Task<StoreReadiness> CheckReadyAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
            return StoreReadiness.Ready;
        }
        catch (ObjectStoreException e)
        {
            return StoreReadiness.NotReady(e.Message);
        }
        catch (RequestFailedException e)
        {
            return StoreReadiness.NotReady($"the blob service answered {e.Status} {e.ErrorCode}");
        }
    }

    /// <summary>Creates the container once per store; a failed attempt is forgotten so that the next call tries again.</summary>
    private Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        lock (_containerLock)
        {
            if (_containerReady is null || _containerReady.IsFaulted || _containerReady.IsCanceled)
            {
                _containerReady = RunAsync(null, token => _container.CreateIfNotExistsAsync(cancellationToken: token), cancellationToken);
            }

            return _containerReady;
        }
    }

    private static async Task<int> ReadBlockAsync(Stream content, byte[] block, CancellationToken cancellationToken)
    {
        var filled = 0;
        int read;
        while (filled < block.Length && (read = await content.ReadAsync(block.AsMemory(filled), cancellationToken).ConfigureAwait(false)) > 0)
        {
            filled += read;
        }

        return filled;
    }

    private static Dictionary<string, string> Metadata(byte[] sha256) =>
        new(StringComparer.Ordinal) { [HashMetadataName] = Convert.ToHexStringLower(sha256) };

    private Task RunAsync(ObjectKey? key, Func<CancellationToken, Task> action, CancellationToken cancellationToken) =>
        RunAsync<bool>(key, async token =>
        {
            await action(token).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    /// <summary>
    /// Runs one request through the pipeline. Answers the caller handles (404, 409, 412) pass through as
    /// RequestFailedException; exhausted retries, timeouts and an open circuit become Unavailable.
    /// </summary>
    private async Task<T> RunAsync<T>(ObjectKey? key, Func<CancellationToken, Task<T>> action, CancellationToken cancellationToken)
    {
        try
        {
            return await _pipeline.ExecuteAsync(async token => await action(token).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }
        catch (BrokenCircuitException e)
        {
            throw new ObjectStoreException(ObjectStoreFailureKind.Unavailable, $"The blob store is unavailable (circuit open){For(key)}.", e);
        }
        catch (Exception e) when (BlobResiliencePipeline.IsTransient(e) || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new ObjectStoreException(ObjectStoreFailureKind.Unavailable, $"The blob store did not answer after retries{For(key)}: {e.GetType().Name}.", e);
        }
        catch (RequestFailedException e) when (e.Status is not (404 or 409 or 412))
        {
            throw new ObjectStoreException(ObjectStoreFailureKind.Unavailable, $"The blob store refused the request{For(key)}: {e.Status} {e.ErrorCode}.", e);
        }
    }

    private static string For(ObjectKey? key) => key is null ? "" : $" for object '{key}'";
}
