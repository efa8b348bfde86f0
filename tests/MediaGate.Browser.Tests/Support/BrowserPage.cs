namespace MediaGate.Browser.Tests.Support;

/// <summary>One page of a test: the Playwright page, its <see cref="PageProbe"/>, and the service it talks to.</summary>
internal sealed record BrowserPage(IPage Page, PageProbe Probe, ServiceProcess Service)
{
    public IBrowserContext Context => Page.Context;
}
