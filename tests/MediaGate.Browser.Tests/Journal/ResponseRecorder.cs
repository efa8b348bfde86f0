using System.Collections.Concurrent;
using System.Text;

namespace MediaGate.Browser.Tests.Journal;

/// <summary>
/// Keeps every HTTP response a page receives (URL, headers and body), so that a test can say what reached the
/// browser: issue 8, "nothing about other families appears anywhere: not in the page, the network responses, or
/// image URLs". Bodies are read as Latin-1 text, which keeps every byte (names and ids are ASCII).
/// </summary>
internal sealed class ResponseRecorder
{
    private readonly ConcurrentQueue<Task<RecordedResponse>> _reads = new();

    private ResponseRecorder()
    {
    }

    /// <summary>Starts recording the page's responses (attach before the page loads anything).</summary>
    public static ResponseRecorder Attach(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var recorder = new ResponseRecorder();
        page.Response += (_, response) => recorder._reads.Enqueue(ReadAsync(response));
        return recorder;
    }

    /// <summary>Every response so far, once its body has been read.</summary>
    public async Task<IReadOnlyList<RecordedResponse>> AllAsync() => await Task.WhenAll(_reads.ToArray());

    private static async Task<RecordedResponse> ReadAsync(IResponse response)
    {
        var headers = string.Join("\n", (await response.AllHeadersAsync()).Select(h => $"{h.Key}: {h.Value}"));
        string body;
        try
        {
            body = Encoding.Latin1.GetString(await response.BodyAsync());
        }
        catch (PlaywrightException)
        {
            body = string.Empty; // a redirect or a response of a page that has gone: no body to read
        }

        return new RecordedResponse(response.Url, response.Status, headers, body);
    }
}
