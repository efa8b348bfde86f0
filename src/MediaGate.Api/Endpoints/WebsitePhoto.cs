namespace MediaGate.Api.Endpoints;

/// <summary>A photo of the website feed (api.md: <c>{"id", "url", "width", "height"}</c>); no names, no media ids.</summary>
/// <param name="Id">The rendition's random id.</param>
/// <param name="Url">Where to fetch it, relative to the service.</param>
/// <param name="Width">Pixels.</param>
/// <param name="Height">Pixels.</param>
public sealed record WebsitePhoto(string Id, string Url, int Width, int Height);
