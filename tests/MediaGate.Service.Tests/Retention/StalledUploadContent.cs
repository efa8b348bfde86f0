using System.Net;
using System.Text;

namespace MediaGate.Service.Tests.Retention;

/// <summary>
/// A tablet's multipart upload that sends its first file whole and then only the start of the second, and stalls
/// there (chunked, no Content-Length) until the test lets go: the service stores the first original and is in the
/// middle of the second when it is killed.
/// </summary>
internal sealed class StalledUploadContent(string childId, byte[] first, byte[] second) : HttpContent
{
    private const string Boundary = "mediagate-stalled-boundary";
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string ContentTypeValue => "multipart/form-data; boundary=" + Boundary;

    /// <summary>Ends the stall (the body then just stops; the server is gone by then).</summary>
    public void Release() => _release.TrySetResult();

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        await WriteAsync(stream, $"--{Boundary}\r\nContent-Disposition: form-data; name=\"children\"\r\n\r\n[\"{childId}\"]\r\n");
        await WriteAsync(stream, $"--{Boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"first.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n");
        await stream.WriteAsync(first);
        await WriteAsync(stream, $"\r\n--{Boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"second.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n");
        await stream.WriteAsync(second.AsMemory(0, second.Length / 2));
        await stream.FlushAsync();
        await _release.Task;
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    private static async Task WriteAsync(Stream stream, string text) => await stream.WriteAsync(Encoding.UTF8.GetBytes(text));
}
