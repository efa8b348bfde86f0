using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MediaGate.Testing;

/// <summary>Checks that a response is an RFC 9457 ProblemDetails with the expected status.</summary>
internal static class ProblemAssert
{
    public static async Task<JsonElement> IsProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        string body = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(status, response.StatusCode, body);
        Assert.AreEqual("application/problem+json", response.Content.Headers.ContentType?.MediaType, body);
        using var document = JsonDocument.Parse(body);
        Assert.AreEqual((int)status, document.RootElement.GetProperty("status").GetInt32(), body);
        return document.RootElement.Clone();
    }

    public static Task<JsonElement> ReadJsonAsync(HttpResponseMessage response) => response.Content.ReadFromJsonAsync<JsonElement>();
}
