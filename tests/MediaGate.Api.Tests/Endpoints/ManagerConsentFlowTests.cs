using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MediaGate.Api.Tests.Hosting;

namespace MediaGate.Api.Tests.Endpoints;

/// <summary>
/// The manager's consent endpoint wired to the whole service: a real photo uploaded from a tablet, processed by
/// the worker and released to its child's parent, is taken from that parent by a withdrawal made through
/// <c>PUT /api/manager/consents/{childId}/journal</c> before the call returns (issue 7, item 5).
/// </summary>
[TestClass]
public sealed class ManagerConsentFlowTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    [TestMethod]
    public async Task ChangeConsent_WithdrawingTheJournal_TakesTheReleasedPhotoFromTheParentAtOnce()
    {
        await using var service = await TestHost.StartAsync(new() { Settings = new Dictionary<string, string?> { ["Ingest:ModelsDir"] = TestPaths.SharedModels } });
        string child = await ManagerCalls.CreateChildAsync(service, "Eileen");
        await ManagerCalls.ChangeConsentAsync(service, child, "journal", new { granted = true, givenBy = "Mother", evidence = "form 1" });
        string parentToken = await CreateAndSignInAsync(service, new { username = "eileens-mum", password = "a-long-password", role = "parent", children = new[] { child } });
        string tabletToken = await TabletSessionAsync(service);

        var upload = await UploadAsync(service, tabletToken, Path.Combine(TestPaths.SamplePhotos, "astronaut.png"), child);
        await WaitForStatusAsync(service, tabletToken, upload, "released");
        string mediaId = upload.Media;
        string[] before = await ParentMediaAsync(service, parentToken);

        await ManagerCalls.ChangeConsentAsync(service, child, "journal", new { granted = false, givenBy = "Mother", evidence = "email" });
        string[] after = await ParentMediaAsync(service, parentToken);

        CollectionAssert.Contains(before, mediaId);
        CollectionAssert.DoesNotContain(after, mediaId);
    }

    private static async Task<string> CreateAndSignInAsync(TestHost service, object account)
    {
        using (var created = await ManagerCalls.SendJsonAsync(service, HttpMethod.Post, "/api/manager/accounts", account))
        {
            await ManagerCalls.ReadJsonAsync(created, HttpStatusCode.Created);
        }

        var fields = JsonSerializer.SerializeToElement(account);
        using var session = await service.Client.PostAsJsonAsync(new Uri("/api/session", UriKind.Relative),
            new { username = fields.GetProperty("username").GetString(), password = fields.GetProperty("password").GetString() });
        return (await ManagerCalls.ReadJsonAsync(session, HttpStatusCode.OK)).GetProperty("token").GetString()!;
    }

    private static async Task<string> TabletSessionAsync(TestHost service)
    {
        using var device = await ManagerCalls.SendJsonAsync(service, HttpMethod.Post, "/api/manager/devices", new { name = "room-1 tablet" });
        var registered = await ManagerCalls.ReadJsonAsync(device, HttpStatusCode.Created);
        using (var staff = await ManagerCalls.SendJsonAsync(service, HttpMethod.Post, "/api/manager/accounts",
            new { username = "keyworker", pin = "482916", role = "staff", children = Array.Empty<string>() }))
        {
            await ManagerCalls.ReadJsonAsync(staff, HttpStatusCode.Created);
        }

        using var session = await service.Client.PostAsJsonAsync(new Uri("/api/tablet/session", UriKind.Relative), new
        {
            deviceId = registered.GetProperty("deviceId").GetString(),
            deviceSecret = registered.GetProperty("deviceSecret").GetString(),
            username = "keyworker",
            pin = "482916",
        });
        return (await ManagerCalls.ReadJsonAsync(session, HttpStatusCode.OK)).GetProperty("token").GetString()!;
    }

    private static async Task<(string Observation, string Media)> UploadAsync(TestHost service, string token, string photo, string child)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(await File.ReadAllBytesAsync(photo));
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "files", Path.GetFileName(photo));
        form.Add(new StringContent(JsonSerializer.Serialize(new[] { child })), "children");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/tablet/observations", UriKind.Relative)) { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        using var response = await service.Client.SendAsync(request);
        var receipt = await ManagerCalls.ReadJsonAsync(response, HttpStatusCode.Accepted);
        return (receipt.GetProperty("observationId").GetString()!, receipt.GetProperty("items")[0].GetProperty("mediaId").GetString()!);
    }

    /// <summary>Polls the tablet's view of the observation (api.md: per item its status) until the item has <paramref name="wanted"/>.</summary>
    private static async Task WaitForStatusAsync(TestHost service, string token, (string Observation, string Media) upload, string wanted)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        string? status = null;
        while (clock.Elapsed < Limit)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/tablet/observations/{upload.Observation}", UriKind.Relative));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await service.Client.SendAsync(request);
            var view = await ManagerCalls.ReadJsonAsync(response, HttpStatusCode.OK);
            status = view.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("mediaId").GetString() == upload.Media).GetProperty("status").GetString();
            if (status == wanted)
            {
                return;
            }

            await Task.Delay(200);
        }

        Assert.Fail($"item {upload.Media} is '{status}', not '{wanted}', after {Limit}");
    }

    private static async Task<string[]> ParentMediaAsync(TestHost service, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/parent/media", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await service.Client.SendAsync(request);
        var items = await ManagerCalls.ReadJsonAsync(response, HttpStatusCode.OK);
        return items.EnumerateArray().Select(i => i.GetProperty("mediaId").GetString()!).ToArray();
    }
}
