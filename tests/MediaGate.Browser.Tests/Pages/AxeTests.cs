namespace MediaGate.Browser.Tests.Pages;

/// <summary>The accessibility check itself can fail: a state with a WCAG violation is reported, with the element.</summary>
[TestClass]
public sealed class AxeTests : BrowserTest
{
    [TestMethod]
    public async Task AssertNoViolations_UnlabelledInput_FailsNamingTheElement()
    {
        var service = await StartServiceAsync();
        var page = await NewPageAsync(service);
        await page.Page.GotoAsync("/", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        await page.Page.EvaluateAsync("""
            () => {
              const input = document.createElement('input');
              input.id = 'unlabelled-field';
              document.querySelector('main').append(input);
            }
            """);

        var failure = await Assert.ThrowsExactlyAsync<AssertFailedException>(() => Axe.AssertNoViolationsAsync(page.Page, "a page with an unlabelled input"));

        StringAssert.Contains(failure.Message, "label");
        StringAssert.Contains(failure.Message, "#unlabelled-field");
    }
}
