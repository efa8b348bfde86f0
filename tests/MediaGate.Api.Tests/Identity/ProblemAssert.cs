using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MediaGate.Api.Tests.Identity;

/// <summary>Checks that a response is an RFC 9457 ProblemDetails with the expected status.</summary>
internal static class ProblemAssert
{
    public static async Task<JsonElement> IsProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        string text = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(status, response.StatusCode, text);
        Assert.AreEqual("application/problem+json", response.Content.Headers.ContentType?.MediaType, text);
        var body = JsonSerializer.Deserialize<JsonElement>(text);
        Assert.AreEqual((int)status, body.GetProperty("status").GetInt32());
        return body;
    }

    public static Task<JsonElement> ReadJsonAsync(HttpResponseMessage response) => response.Content.ReadFromJsonAsync<JsonElement>();
}
