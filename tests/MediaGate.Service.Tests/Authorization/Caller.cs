namespace MediaGate.Service.Tests.Authorization;

/// <summary>
/// A column of the authorization matrix: who calls, with which credentials, what it should get from each audience's
/// endpoints, and which words its answers must never contain (another family's names and ids).
/// </summary>
internal sealed record Caller(string Name, ApiClient Client, Func<EndpointCase, Expectation> Expect, IReadOnlyList<string> MustNotSee);

/// <summary>What a caller should get.</summary>
internal enum Expectation
{
    /// <summary>Past authorization: any status but 401, 403 and 5xx (a 400/404/409 from the handler is fine).</summary>
    Allowed,

    /// <summary>401: no valid credentials for this node.</summary>
    Unauthenticated,

    /// <summary>403: signed in, but the endpoint is for another audience.</summary>
    Forbidden,

    /// <summary>401 or 403: credentials of another scheme (a website key on a bearer endpoint, a bearer token on the website's).</summary>
    Refused,

    /// <summary>404: another family's item, "not even whether it exists" (product.md).</summary>
    NotFound,
}
