namespace MediaGate.Api.Web;

/// <summary>
/// The headers every response carries (issue 8, Security): a strict content security policy, so that an injected
/// script or style cannot run (no inline script or style anywhere, everything from MediaGate itself), and the
/// browser hardening headers. Harmless on JSON and images too, so the API answers carry them as well.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// The policy: only MediaGate's own files; images also as <c>blob:</c> (the pages fetch images with the bearer
    /// token and show them through object URLs) and <c>data:</c>; no plug-ins, no <c>&lt;base&gt;</c>, never framed.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; connect-src 'self'; " +
        "worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    /// <summary>Only this origin may use the camera (the tablet page takes photos); nothing else is allowed.</summary>
    public const string PermissionsPolicy = "camera=(self), microphone=(), geolocation=(), payment=(), usb=()";

    /// <summary>
    /// The API reference page (Scalar, from its NuGet package) is built with inline script; it shows no family's
    /// data, so it keeps the other headers but not the policy (which would leave it blank).
    /// </summary>
    public static readonly PathString ApiReferencePath = new("/scalar");

    /// <summary>Adds the headers to every response; <see cref="ApiReferencePath"/> gets all but the policy.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            // OnStarting: the headers are set on error pages and static files too, whoever writes the response.
            context.Response.OnStarting(static state =>
            {
                var http = (HttpContext)state;
                var headers = http.Response.Headers;
                if (!http.Request.Path.StartsWithSegments(ApiReferencePath))
                {
                    headers.ContentSecurityPolicy = ContentSecurityPolicy;
                }

                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Permissions-Policy"] = PermissionsPolicy;
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers.XFrameOptions = "DENY";
                return Task.CompletedTask;
            }, context);
            return next(context);
        });
}
