using System.Text.Json;

namespace MediaGate.Api.Tests.Endpoints;

/// <summary>The OpenAPI document describes the manager's review views and the spot checks (issue 12, section 2).</summary>
[TestClass]
public sealed class ManagerReviewOpenApiTests
{
    [TestMethod]
    public async Task OpenApi_Document_DocumentsTheReviewViewsAndTheSpotChecks()
    {
        await using var service = await TestHost.StartAsync();

        using var response = await service.Client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        var paths = body.RootElement.GetProperty("paths");
        Assert.IsTrue(paths.TryGetProperty("/api/manager/dismissals", out _));
        Assert.IsTrue(paths.TryGetProperty("/api/manager/media/{mediaId}/faces/{faceId}/crop", out _));
        var review = paths.GetProperty("/api/manager/review").GetProperty("get");
        var parameters = review.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToArray();
        CollectionAssert.IsSubsetOf(new[] { "view", "limit", "before" }, parameters);
        StringAssert.Contains(review.GetProperty("description").GetString(), "view=publishable");
    }
}
