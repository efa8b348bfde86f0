using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace MediaGate.Api.Web;

/// <summary>
/// The pages (issue 8): static files calling the API, served by <c>mediagate serve</c> from
/// <see cref="WebPagesOptions.Root"/>: <c>/tablet/</c>, <c>/journal/</c>, <c>/manager/</c> (each an index.html and ES
/// modules), shared code under <c>/assets/</c>, npm packages under <c>/vendor/</c> (copied there by the build from
/// src/MediaGate.Api/web/node_modules; never a CDN). <c>/</c> is a page of links to the three.
/// </summary>
public static class WebPages
{
    public static IServiceCollection AddMediaGateWebPages(this IServiceCollection services)
    {
        services.AddOptions<WebPagesOptions>().BindConfiguration(WebPagesOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }

    /// <summary>Serves the pages; goes before routing so that a file request never reaches the endpoints.</summary>
    public static IApplicationBuilder UseMediaGateWebPages(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.ApplicationServices.GetRequiredService<IOptions<WebPagesOptions>>().Value;
        var files = new PhysicalFileProvider(Path.GetFullPath(options.Root));
        // Default files: /tablet/ answers tablet/index.html, and /tablet is redirected to /tablet/ (so that the
        // page's relative URLs resolve inside its folder).
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            // Revalidate every time (ETag, so usually a 304): a tablet must not keep running yesterday's page
            // after an update; the service worker keeps the shell for offline use.
            OnPrepareResponse = static file => file.Context.Response.Headers[HeaderNames.CacheControl] = "no-cache",
        });
        return app;
    }
}
