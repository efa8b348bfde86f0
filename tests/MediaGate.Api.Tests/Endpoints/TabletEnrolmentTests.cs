using System.Net;
using System.Net.Http.Json;
using MediaGate.Api.Tests.Hosting;

namespace MediaGate.Api.Tests.Endpoints;

/// <summary><c>POST /api/tablet/enrolment</c>: a tablet's id and secret are checked when the tablet is enrolled.</summary>
[TestClass]
public sealed class TabletEnrolmentTests
{
    /// <summary>A tablet set up from a link did not say which device it became: the check answers the device's id and name.</summary>
    [TestMethod]
    public async Task CheckEnrolment_RegisteredDeviceAndItsSecret_Returns200WithTheDevicesIdAndName()
    {
        await using var service = await TestHost.StartAsync();
        var (id, secret) = await RegisterAsync(service, "Wrens room");

        using var response = await CheckAsync(service, id, secret);

        var body = await ManagerCalls.ReadJsonAsync(response, HttpStatusCode.OK);
        Assert.AreEqual((id, "Wrens room"), (body.GetProperty("deviceId").GetString(), body.GetProperty("name").GetString()));
        Assert.IsTrue(response.Headers.CacheControl?.NoStore);
    }

    [TestMethod]
    public async Task CheckEnrolment_WrongSecretUnknownOrRevokedDevice_Returns401ProblemDetails()
    {
        await using var service = await TestHost.StartAsync();
        var (id, secret) = await RegisterAsync(service);
        var (revokedId, revokedSecret) = await RegisterAsync(service);
        using (var revoke = await ManagerCalls.SendAsync(service, HttpMethod.Delete, $"/api/manager/devices/{revokedId}"))
        {
            Assert.AreEqual(HttpStatusCode.NoContent, revoke.StatusCode);
        }

        using var wrongSecret = await CheckAsync(service, id, secret[..^2] + (secret.EndsWith("AA", StringComparison.Ordinal) ? "BB" : "AA"));
        using var unknown = await CheckAsync(service, Guid.NewGuid().ToString("N"), secret);
        using var revoked = await CheckAsync(service, revokedId, revokedSecret);
        using var empty = await CheckAsync(service, null, null);

        foreach (var response in new[] { wrongSecret, unknown, revoked, empty })
        {
            Assert.AreEqual(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.AreEqual("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [TestMethod]
    public async Task CheckEnrolment_ManyWrongSecretsFromOneAddress_AuditsTheBudgetThenOneEntryThenNothing()
    {
        await using var service = await TestHost.StartAsync();
        var (id, secret) = await RegisterAsync(service);
        int tries = FailureAuditBudget.PerWindow + 10;

        for (int i = 0; i < tries; i++)
        {
            using var wrong = await CheckAsync(service, id, secret[..^2] + (secret.EndsWith("AA", StringComparison.Ordinal) ? "BB" : "AA"));
            Assert.AreEqual(HttpStatusCode.Unauthorized, wrong.StatusCode, $"wrong secret {i + 1} of {tries} is refused");
        }

        using var response = await ManagerCalls.SendAsync(service, HttpMethod.Get, "/api/manager/audit?action=sign-in-fail&limit=500");
        var actions = (await ManagerCalls.ReadJsonAsync(response, HttpStatusCode.OK)).EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToArray();
        Assert.AreEqual(FailureAuditBudget.PerWindow, actions.Count(a => a == IdentityAuditActions.SignInFailed), "the budget's worth of failures is recorded");
        Assert.AreEqual(1, actions.Count(a => a == IdentityAuditActions.SignInFailuresNotRecorded), "one entry says the rest are not recorded");
        using var right = await CheckAsync(service, id, secret);
        Assert.AreEqual(HttpStatusCode.OK, right.StatusCode, "the right secret from the same address still enrols the tablet");
    }

    /// <summary>Bodies no tablet page sends (attacked 2026-12-08): a 4xx ProblemDetails each, never the device's name, never a 500.</summary>
    [TestMethod]
    public async Task CheckEnrolment_MalformedBodiesAndNearMisses_Return4xxProblemWithoutTheName()
    {
        await using var service = await TestHost.StartAsync();
        var (id, secret) = await RegisterAsync(service, "Wrens room");
        string[] bodies =
        [
            "not json",
            "{\"deviceId\": 5, \"deviceSecret\": []}",
            "[]",
            "null",
            $"{{\"deviceId\": \"{id.ToUpperInvariant()}\", \"deviceSecret\": \"{secret}\"}}",
            $"{{\"deviceId\": \" {id} \", \"deviceSecret\": \"{secret}\"}}",
            $"{{\"deviceId\": \"{id}\", \"deviceSecret\": \"{secret} \"}}",
            $"{{\"deviceId\": \"{id}\", \"deviceSecret\": \"{secret.ToUpperInvariant()}\"}}",
            $"{{\"deviceId\": \"{id}\", \"deviceSecret\": \"{new string('A', 100_000)}\"}}",
            $"{{\"deviceId\": \"{id}\u0000\", \"deviceSecret\": \"{secret}\"}}",
            $"{{\"deviceId\": \"{id}\"}}",
        ];

        foreach (var body in bodies)
        {
            using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
            using var response = await service.Client.PostAsync(new Uri("/api/tablet/enrolment", UriKind.Relative), content);
            string text = await response.Content.ReadAsStringAsync();
            string shown = body.Length > 80 ? body[..80] : body;
            Assert.IsTrue((int)response.StatusCode is >= 400 and < 500, $"{shown}: {(int)response.StatusCode} {text}");
            Assert.AreEqual("application/problem+json", response.Content.Headers.ContentType?.MediaType, shown);
            Assert.DoesNotContain("Wrens room", text, shown);
        }
    }

    private static async Task<(string Id, string Secret)> RegisterAsync(TestHost service, string? name = null)
    {
        using var response = await ManagerCalls.SendJsonAsync(service, HttpMethod.Post, "/api/manager/devices", new { name = name ?? "tablet " + Guid.NewGuid().ToString("N")[..6] });
        var body = await ManagerCalls.ReadJsonAsync(response, HttpStatusCode.Created);
        return (body.GetProperty("deviceId").GetString()!, body.GetProperty("deviceSecret").GetString()!);
    }

    private static Task<HttpResponseMessage> CheckAsync(TestHost service, string? deviceId, string? deviceSecret) =>
        service.Client.PostAsJsonAsync(new Uri("/api/tablet/enrolment", UriKind.Relative), new { deviceId, deviceSecret });
}
