using System.Net;

namespace MediaGate.Browser.Tests.Pages;

/// <summary>
/// The hardening headers on what is not a page too (issue 8, Security): API answers, error answers and the pages'
/// files carry the policy; only the API reference page (built with inline script by its package) goes without it.
/// </summary>
[TestClass]
public sealed class SecurityHeadersTests : BrowserTest
{
    [TestMethod]
    [DataRow("/health/live", HttpStatusCode.OK)]
    [DataRow("/api/manager/children", HttpStatusCode.Unauthorized)]
    [DataRow("/no-such-file.js", HttpStatusCode.NotFound)]
    [DataRow("/assets/api.js", HttpStatusCode.OK)]
    [DataRow("/vendor/uplot/uPlot.esm.js", HttpStatusCode.OK)]
    [DataRow("/vendor/uqr/index.mjs", HttpStatusCode.OK)]
    public async Task Response_AnyPath_CarriesThePolicyAndHardeningHeaders(string path, HttpStatusCode expected)
    {
        var service = await StartServiceAsync();
        using var http = service.CreateHttpClient();

        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));

        Assert.AreEqual(expected, response.StatusCode, path);
        StringAssert.StartsWith(response.Headers.GetValues("Content-Security-Policy").Single(), "default-src 'self'; script-src 'self'; style-src 'self';");
        Assert.AreEqual("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.AreEqual("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.AreEqual("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [TestMethod]
    public async Task Response_NodeModulesAndSourceFolders_NotServed()
    {
        var service = await StartServiceAsync();
        using var http = service.CreateHttpClient();

        foreach (var path in new[] { "/web/package.json", "/node_modules/uplot/package.json", "/vendor/uplot/package.json", "/mediagate.dll", "/appsettings.json" })
        {
            using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
            Assert.AreEqual(HttpStatusCode.NotFound, response.StatusCode, path);
        }
    }
}
