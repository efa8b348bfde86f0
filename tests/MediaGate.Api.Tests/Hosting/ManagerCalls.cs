using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MediaGate.Api.Tests.Hosting;

/// <summary>Calls to the manager's API as the manager (real bearer tokens).</summary>
internal static class ManagerCalls
{
    public static async Task<HttpResponseMessage> SendAsync(TestHost service, HttpMethod method, string path, HttpContent? content = null, string role = "manager")
    {
        using var request = await service.AsAsync(role, method, path, content);
        return await service.Client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> SendJsonAsync(TestHost service, HttpMethod method, string path, object body) =>
        SendAsync(service, method, path, JsonContent.Create(body));

    public static Task<JsonElement> ReadJsonAsync(HttpResponseMessage response, HttpStatusCode expected) => TestHost.ReadJsonAsync(response, expected);

    /// <summary>Creates a child and returns its id.</summary>
    public static async Task<string> CreateChildAsync(TestHost service, string name, string? room = null)
    {
        using var response = await SendJsonAsync(service, HttpMethod.Post, "/api/manager/children", new { name, room });
        return (await ReadJsonAsync(response, HttpStatusCode.Created)).GetProperty("id").GetString()!;
    }

    public static async Task<JsonElement> ChangeConsentAsync(TestHost service, string childId, string purpose, object body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await SendJsonAsync(service, HttpMethod.Put, $"/api/manager/consents/{childId}/{purpose}", body);
        return await ReadJsonAsync(response, expected);
    }
}
