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
    /// token and show them through object URLs) and <c>data:</c>; video also as <c>blob:</c> (the manager's review plays a
    /// master fetched with the token: a &lt;video&gt; cannot send it); no plug-ins, no <c>&lt;base&gt;</c>, never framed.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; media-src 'self' blob:; connect-src 'self'; " +
        "worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    /// <summary>Only this origin may use the camera (the tablet page takes photos); nothing else is allowed.</summary>
    public const string PermissionsPolicy = "camera=(self), microphone=(), geolocation=(), payment=(), usb=()";

    /// <summary>
    /// The API reference page (Scalar, from its NuGet package, served only when <c>Operations:ApiReference</c> is set)
    /// is built with inline script and style; it shows no family's data. It gets <see cref="ApiReferencePolicy"/>.
    /// </summary>
    public static readonly PathString ApiReferencePath = new("/scalar");

    /// <summary>The reference page's policy: its own inline script and style, nothing from elsewhere, never framed.</summary>
    public const string ApiReferencePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

    /// <summary>Every API answer that says nothing else is not to be stored by a browser or a proxy: tokens, device
    /// secrets, website keys, account and family data (issue 13). Photos set their own (<c>private, no-store</c>).</summary>
    public static readonly PathString ApiPath = new("/api");

    /// <summary>Adds the headers to every response; <see cref="ApiReferencePath"/> gets <see cref="ApiReferencePolicy"/>.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            // OnStarting: the headers are set on error pages and static files too, whoever writes the response.
            context.Response.OnStarting(static state =>
            {
                var http = (HttpContext)state;
                var headers = http.Response.Headers;
                headers.ContentSecurityPolicy = http.Request.Path.StartsWithSegments(ApiReferencePath) ? ApiReferencePolicy : ContentSecurityPolicy;
                if (http.Request.Path.StartsWithSegments(ApiPath) && string.IsNullOrEmpty(headers.CacheControl))
                {
                    headers.CacheControl = "no-store";
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
