using MediaGate.Api.Endpoints;
using MediaGate.Gate.Outcomes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MediaGate.Api.Tests.Endpoints;

/// <summary>The one mapping of the Gate's problem kinds to HTTP (issue 13, section 1).</summary>
[TestClass]
public sealed class GateResultsTests
{
    [TestMethod]
    [DataRow(GateProblemKind.NotFound, 404)]
    [DataRow(GateProblemKind.NotSignedIn, 401)]
    [DataRow(GateProblemKind.Forbidden, 404)]
    [DataRow(GateProblemKind.Invalid, 400)]
    [DataRow(GateProblemKind.Unprocessable, 422)]
    [DataRow(GateProblemKind.Conflict, 409)]
    [DataRow(GateProblemKind.TooLarge, 413)]
    [DataRow(GateProblemKind.UnsupportedMedia, 415)]
    [DataRow(GateProblemKind.Unavailable, 503)]
    public void ToProblem_EachKind_HasItsStatusTitleAndDetail(GateProblemKind kind, int status)
    {
        var result = new GateProblem(kind, "A title", "A detail").ToProblem();

        Assert.AreEqual(status, result.StatusCode);
        Assert.AreEqual(("A title", "A detail"), (result.ProblemDetails.Title, result.ProblemDetails.Detail));
    }

    [TestMethod]
    public void StatusOf_EveryKind_HasAStatus()
    {
        foreach (var kind in Enum.GetValues<GateProblemKind>())
        {
            Assert.IsGreaterThanOrEqualTo(400, GateResults.StatusOf(kind), $"{kind} is answered as an error");
        }
    }

    [TestMethod]
    public void ToProblem_InvalidFields_IsAValidationProblemNamingThem()
    {
        var result = GateProblem.InvalidFields(new Dictionary<string, string[]> { ["name"] = ["Required."] }).ToProblem();

        Assert.AreEqual(400, result.StatusCode);
        var details = result.ProblemDetails as HttpValidationProblemDetails;
        Assert.IsNotNull(details, "field errors are answered as a validation problem");
        CollectionAssert.AreEqual(new[] { "Required." }, details.Errors["name"]);
        Assert.AreEqual("One or more validation errors occurred.", details.Title);
    }

    [TestMethod]
    public void ToProblem_UnavailableWithRetry_SetsRetryAfterInSeconds()
    {
        var http = new DefaultHttpContext();

        var result = GateProblem.Unavailable("Storage unavailable", "Try again later.", TimeSpan.FromSeconds(60)).ToProblem(http.Response);

        Assert.AreEqual(503, result.StatusCode);
        Assert.AreEqual("60", http.Response.Headers.RetryAfter.ToString());
    }

    [TestMethod]
    public void ToResult_Success_IsTheValueAsTheHandlerAnswersIt()
    {
        GateOutcome<string> outcome = "done";

        var result = outcome.ToResult(value => TypedResults.Ok(value));

        Assert.AreEqual("done", (result.Result as Ok<string>)?.Value);
    }
}
