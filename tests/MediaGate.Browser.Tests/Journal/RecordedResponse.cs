namespace MediaGate.Browser.Tests.Journal;

/// <summary>One response a page received, as <see cref="ResponseRecorder"/> kept it.</summary>
internal sealed record RecordedResponse(string Url, int Status, string Headers, string Body)
{
    /// <summary>True when the text appears in the URL, a header or the body.</summary>
    public bool Mentions(string text) =>
        Url.Contains(text, StringComparison.OrdinalIgnoreCase)
        || Headers.Contains(text, StringComparison.OrdinalIgnoreCase)
        || Body.Contains(text, StringComparison.OrdinalIgnoreCase);
}
