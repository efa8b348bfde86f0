namespace MediaGate.Service.Tests.Authorization;

/// <summary>The audience an endpoint of api.md is for (its authorization policy).</summary>
internal enum Audience
{
    Manager,
    Tablet,
    Parent,
    Website,

    /// <summary>Any account's bearer token (manager, staff on a tablet, parent): <c>/api/session</c> (README).</summary>
    SignedIn,
}

/// <summary>One endpoint of api.md with a request that its own audience may send (a fresh body each time).</summary>
internal sealed record EndpointCase(string Name, Audience Audience, HttpMethod Method, string Path, Func<HttpContent?> Body)
{
    public override string ToString() => $"{Method} {Path}";
}
