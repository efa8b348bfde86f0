using System.Net;
using System.Net.Http.Json;
using MediaGate.Api.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MediaGate.Api.Tests.Hosting;

/// <summary>Forwarded headers believed only from <c>Service:KnownProxies</c>, HSTS over HTTPS, and the connection limits.</summary>
[TestClass]
public sealed class ProxyHeadersTests
{
    private static readonly Dictionary<string, string?> LoopbackIsTheProxy = new() { ["Service:KnownProxies:0"] = "127.0.0.1" };

    [TestMethod]
    public async Task SignIn_SpoofedForwardedForWithoutAKnownProxy_ChangesNothing()
    {
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var service = await TestHost.StartAsync(new() { Time = time });
        for (int i = 0; i < 5; i++)
        {
            using var failed = await SignInAsync(service, $"203.0.113.{i + 1}", "wrong password");
            Assert.AreEqual(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        // Each guess claimed another address; all came from one, and that is what counts.
        using var waiting = await SignInAsync(service, "198.51.100.9", TestHost.ManagerPassword);

        Assert.AreEqual(HttpStatusCode.TooManyRequests, waiting.StatusCode);
    }

    [TestMethod]
    public async Task SignIn_StrangersFailuresBehindTheKnownProxy_DoNotDelayTheManagersAddress()
    {
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var service = await TestHost.StartAsync(new() { Settings = LoopbackIsTheProxy, Time = time });
        for (int i = 0; i < 50; i++)
        {
            using var failed = await SignInAsync(service, "203.0.113.7", "wrong password " + i);
            Assert.AreNotEqual(HttpStatusCode.OK, failed.StatusCode);
        }

        using var stranger = await SignInAsync(service, "203.0.113.7", TestHost.ManagerPassword);
        using var manager = await SignInAsync(service, "198.51.100.9", TestHost.ManagerPassword);

        Assert.AreEqual(HttpStatusCode.TooManyRequests, stranger.StatusCode, "the guessing address waits");
        Assert.AreEqual(HttpStatusCode.OK, manager.StatusCode);
    }

    [TestMethod]
    public async Task Metrics_ForwardedForInsideTheAllowedNetwork_CountsOnlyFromAKnownProxy()
    {
        var metricsFromTen = new Dictionary<string, string?> { ["Operations:MetricsNetworks:0"] = "10.0.0.0/8" };
        await using var plain = await TestHost.StartAsync(new() { Settings = metricsFromTen });
        await using var proxied = await TestHost.StartAsync(new() { Settings = new Dictionary<string, string?>(metricsFromTen) { ["Service:KnownProxies:0"] = "127.0.0.0/8" } });

        using var spoofed = await GetAsync(plain, "/metrics", forwardedFor: "10.1.2.3");
        using var forwarded = await GetAsync(proxied, "/metrics", forwardedFor: "10.1.2.3");

        Assert.AreEqual(HttpStatusCode.NotFound, spoofed.StatusCode);
        Assert.AreEqual(HttpStatusCode.OK, forwarded.StatusCode);
    }

    [TestMethod]
    public async Task Hsts_HttpsFromTheKnownProxy_IsSentAndNotOverPlainHttpOrFromElsewhere()
    {
        await using var proxied = await TestHost.StartAsync(new() { Settings = LoopbackIsTheProxy });
        await using var plain = await TestHost.StartAsync();

        using var https = await GetAsync(proxied, "/health/live", proto: "https");
        using var http = await GetAsync(proxied, "/health/live");
        using var spoofed = await GetAsync(plain, "/health/live", proto: "https");

        Assert.IsTrue(https.Headers.Contains("Strict-Transport-Security"), "HTTPS answers carry HSTS");
        StringAssert.Contains(string.Join(",", https.Headers.GetValues("Strict-Transport-Security")), "max-age=31536000");
        Assert.IsFalse(http.Headers.Contains("Strict-Transport-Security"), "plain HTTP answers do not");
        Assert.IsFalse(spoofed.Headers.Contains("Strict-Transport-Security"), "a client cannot claim HTTPS");
    }

    [TestMethod]
    public async Task Start_KnownProxyNotAnAddress_StopsNamingTheSetting()
    {
        var error = await Assert.ThrowsExactlyAsync<OptionsValidationException>(() => TestHost.StartAsync(new() { Settings = new Dictionary<string, string?>
        {
            ["Service:KnownProxies:0"] = "the-proxy",
        } }));

        StringAssert.Contains(string.Join(" ", error.Failures), "Service:KnownProxies");
    }

    [TestMethod]
    public async Task Kestrel_Limits_StalledHeadersAndBodiesAreCutOff()
    {
        await using var service = await TestHost.StartAsync();

        var limits = service.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits;

        Assert.AreEqual(ServiceApp.RequestHeadersTimeout, limits.RequestHeadersTimeout);
        Assert.AreEqual(ServiceApp.MinBodyBytesPerSecond, limits.MinRequestBodyDataRate!.BytesPerSecond);
        Assert.AreEqual(ServiceApp.BodyRateGracePeriod, limits.MinRequestBodyDataRate.GracePeriod);
    }

    private static async Task<HttpResponseMessage> SignInAsync(TestHost service, string forwardedFor, string password)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/session", UriKind.Relative))
        {
            Content = JsonContent.Create(new { username = TestHost.ManagerName, password }),
        };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return await service.Client.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> GetAsync(TestHost service, string path, string? forwardedFor = null, string? proto = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Host = "nursery.example";
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        if (proto is not null)
        {
            request.Headers.Add("X-Forwarded-Proto", proto);
        }

        return await service.Client.SendAsync(request);
    }
}
