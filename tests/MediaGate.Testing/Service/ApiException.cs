using System.Net;

namespace MediaGate.Testing.Service;

/// <summary>An answer the helper did not expect, with its status and body so the failure says what the service said.</summary>
internal sealed class ApiException : Exception
{
    public ApiException(string request, HttpStatusCode status, string body)
        : base($"{request} -> {(int)status} {status}: {(body.Length > 2000 ? body[..2000] + "…" : body)}")
    {
        Status = status;
        Body = body;
    }

    public ApiException()
    {
        Body = "";
    }

    public ApiException(string message)
        : base(message)
    {
        Body = "";
    }

    public ApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Body = "";
    }

    public HttpStatusCode Status { get; }

    public string Body { get; }
}
