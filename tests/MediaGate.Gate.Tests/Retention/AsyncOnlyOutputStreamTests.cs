using System.IO.Compression;
using MediaGate.Gate.Retention;

namespace MediaGate.Gate.Tests.Retention;

[TestClass]
public sealed class AsyncOnlyOutputStreamTests
{
    [TestMethod]
    public async Task ZipArchive_OnAnOutputThatRefusesSynchronousWrites_WritesAReadableZip()
    {
        // Regression: the parents' export failed half-way on Kestrel ("Synchronous operations are disallowed"):
        // ZipArchive writes an entry's data descriptor synchronously even through its async API.
        var response = new AsyncOnlyResponse();
        var first = Enumerable.Range(0, 70_000).Select(i => (byte)i).ToArray();
        var second = "second"u8.ToArray();

        using (var output = new AsyncOnlyOutputStream(response))
        {
            var archive = await ZipArchive.CreateAsync(output, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, CancellationToken.None);
            await using (archive)
            {
                foreach (var (name, bytes) in new[] { ("a/first.jpg", first), ("a/second.jpg", second) })
                {
                    var entry = archive.CreateEntry(name, CompressionLevel.NoCompression);
                    await using var content = await entry.OpenAsync();
                    await content.WriteAsync(bytes);
                }
            }

            await output.FlushAsync();
        }

        using var read = new ZipArchive(new MemoryStream(response.ToArray()), ZipArchiveMode.Read);
        CollectionAssert.AreEqual(new[] { "a/first.jpg", "a/second.jpg" }, read.Entries.Select(e => e.FullName).ToArray());
        using var copy = new MemoryStream();
        await using (var stream = await read.Entries[0].OpenAsync())
        {
            await stream.CopyToAsync(copy);
        }

        CollectionAssert.AreEqual(first, copy.ToArray());
    }

    /// <summary>Like Kestrel's response body: not seekable, and synchronous writes throw.</summary>
    private sealed class AsyncOnlyResponse : Stream
    {
        private readonly MemoryStream _written = new();

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public byte[] ToArray() => _written.ToArray();

        public override void Write(byte[] buffer, int offset, int count) => throw new InvalidOperationException("Synchronous operations are disallowed.");

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _written.Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override void Flush() => throw new InvalidOperationException("Synchronous operations are disallowed.");

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _written.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
