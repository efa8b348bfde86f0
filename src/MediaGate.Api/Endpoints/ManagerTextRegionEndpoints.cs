using MediaGate.Data;
using MediaGate.Gate.Review;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace MediaGate.Api.Endpoints;

/// <summary>
/// Text in website and publicity photos (issue 15), mapped inside the <c>/api/manager</c> group (manager policy):
/// <c>GET /media/{mediaId}/text</c> and <c>POST /media/{mediaId}/text/{number}/unmask</c> or <c>/mask</c>.
/// </summary>
public static class ManagerTextRegionEndpoints
{
    public static RouteGroupBuilder MapManagerTextRegionEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("/media/{mediaId}/text", GetTextAsync).WithName("ManagerTextRegions");
        group.MapPost("/media/{mediaId}/text/{number:int}/unmask", PostUnmaskAsync).WithName("ManagerTextUnmask");
        group.MapPost("/media/{mediaId}/text/{number:int}/mask", PostMaskAsync).WithName("ManagerTextMask");
        return group;
    }

    /// <summary>
    /// <c>GET /api/manager/media/{mediaId}/text</c>: the text found on the item for its website and publicity renditions:
    /// <c>{"mediaId", "scanned", "model", "regions": [{"number", "x", "y", "w", "h", "score", "masked", "unmaskedBy",
    /// "unmaskedAt"}], "sentence"}</c> (boxes in pixels of the master; <c>scanned</c> false until the item is approved for
    /// the website or publicity); 404 for an unknown item.
    /// </summary>
    public static async Task<Results<Ok<TextRegionsView>, ProblemHttpResult>> GetTextAsync(
        string mediaId, [FromServices] TextRegionReview texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var view = Identifiers.IsGenerated(mediaId) ? await texts.ViewAsync(mediaId, cancellationToken) : null;
        return view is null ? NotFound() : TypedResults.Ok(view);
    }

    /// <summary>
    /// <c>POST /api/manager/media/{mediaId}/text/{number}/unmask</c>: shows a region that names no child (the nursery's
    /// sign, a printed "EXIT") in the website and publicity renditions; audited with the region; 200 with the item's text;
    /// 404 for an unknown item or region.
    /// </summary>
    public static Task<Results<Ok<TextRegionsView>, ProblemHttpResult>> PostUnmaskAsync(
        string mediaId, int number, HttpContext http, [FromServices] TextRegionReview texts, CancellationToken cancellationToken) =>
        SetAsync(mediaId, number, masked: false, http, texts, cancellationToken);

    /// <summary>
    /// <c>POST /api/manager/media/{mediaId}/text/{number}/mask</c>: masks an un-masked region again; audited with the region;
    /// 200 with the item's text; 404 for an unknown item or region.
    /// </summary>
    public static Task<Results<Ok<TextRegionsView>, ProblemHttpResult>> PostMaskAsync(
        string mediaId, int number, HttpContext http, [FromServices] TextRegionReview texts, CancellationToken cancellationToken) =>
        SetAsync(mediaId, number, masked: true, http, texts, cancellationToken);

    private static async Task<Results<Ok<TextRegionsView>, ProblemHttpResult>> SetAsync(
        string mediaId, int number, bool masked, HttpContext http, TextRegionReview texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(texts);
        var actor = ParentEndpoints.AccountOf(http.User);
        if (!Identifiers.IsGenerated(mediaId) || actor is null || number < 1)
        {
            return NotFound();
        }

        var view = await texts.SetMaskedAsync(mediaId, number, masked, actor, cancellationToken);
        return view is null ? NotFound() : TypedResults.Ok(view);
    }

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem(new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Not found" });
}
