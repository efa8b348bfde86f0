using System.Collections.Concurrent;

namespace MediaGate.Browser.Tests.Support;

/// <summary>
/// Listens to one page for what must never happen (issue 8, Security and the smoke test): console errors, uncaught
/// exceptions, and content security policy violations (reported by the page's <c>securitypolicyviolation</c> event,
/// which Chromium raises for every refused script, style or connection). <see cref="AssertClean"/> fails with all of them.
/// </summary>
internal sealed class PageProbe
{
    private const string ViolationBinding = "__mediagateCspViolation";
    private readonly ConcurrentQueue<string> _problems = new();
    private readonly ConcurrentQueue<string> _expectedConsoleErrors = new();

    private PageProbe()
    {
    }

    public IReadOnlyCollection<string> Problems => _problems;

    /// <summary>Attaches to a context before its pages open, so that the first document's violations are seen too.</summary>
    public static async Task<PageProbe> AttachAsync(IBrowserContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var probe = new PageProbe();
        await context.ExposeBindingAsync(ViolationBinding, (BindingSource _, string report) =>
        {
            probe._problems.Enqueue("CSP violation: " + report);
        });
        // An init script is added by Playwright itself, outside the page's content security policy.
        await context.AddInitScriptAsync($$"""
            document.addEventListener('securitypolicyviolation', e =>
              window.{{ViolationBinding}}(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} in ${e.sourceFile || e.documentURI}:${e.lineNumber}`));
            """);
        context.Page += (_, page) => probe.Watch(page);
        return probe;
    }

    /// <summary>
    /// A console error the test itself causes and expects (the browser logs a refused sign-in's 401 or an offline
    /// request's network error): from now on, console errors containing <paramref name="text"/> are not problems.
    /// Never applies to CSP violations or uncaught exceptions.
    /// </summary>
    public void ExpectConsoleError(string text) => _expectedConsoleErrors.Enqueue(text);

    /// <summary>Fails with every problem seen so far.</summary>
    public void AssertClean(string where)
    {
        if (!_problems.IsEmpty)
        {
            Assert.Fail($"{where}: the page reported {_problems.Count} problem(s):\n  " + string.Join("\n  ", _problems));
        }
    }

    private void Watch(IPage page)
    {
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !_expectedConsoleErrors.Any(e => message.Text.Contains(e, StringComparison.Ordinal)))
            {
                _problems.Enqueue($"console error: {message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => _problems.Enqueue("uncaught: " + error);
    }
}
