using System.Net.Http.Headers;
using MediaGate.Api.Endpoints;
using MediaGate.Api.Endpoints.Manager;
using MediaGate.Api.Identity;
using MediaGate.Gate;
using MediaGate.Gate.Hosting;
using MediaGate.Storage;
using MediaGate.Storage.Hosting;
using MediaGate.Testing.Renditions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MediaGate.Api.Tests.Endpoints;

/// <summary>
/// The parent, website and manager media endpoints on Kestrel at a free loopback port, over a renditions test
/// world, with the audiences' policies and a header sign-in (<see cref="HeaderAuthenticationHandler"/>).
/// </summary>
internal sealed class EndpointHost : IAsyncDisposable
{
    private EndpointHost(WebApplication app, Uri address)
    {
        App = app;
        Client = new HttpClient { BaseAddress = address };
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public static async Task<EndpointHost> StartAsync(RenditionWorld world, IParentChildren families)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddProblemDetails();
        builder.Services.AddAuthentication(HeaderAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, HeaderAuthenticationHandler>(HeaderAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Parent, p => p.RequireClaim(MediaGateClaims.Role, "parent"))
            .AddPolicy(Policies.Manager, p => p.RequireClaim(MediaGateClaims.Role, "manager"))
            .AddPolicy(Policies.Website, p => p.RequireClaim(MediaGateClaims.Role, "website"));
        builder.Services.AddSingleton(world.Database);
        builder.Services.AddKeyedSingleton(StorageServiceCollectionExtensions.MasterStore, world.Masters);
        builder.Services.AddKeyedSingleton<IObjectStore>(StorageServiceCollectionExtensions.RenditionStore, world.RenditionStore);
        builder.Services.AddSingleton(world.Review);
        builder.Services.AddSingleton<TimeProvider>(world.Time);
        builder.Services.AddSingleton(world.Notes);
        builder.Services.AddMediaGateRepositories();
        builder.Services.AddSingleton<MediaGate.Gate.Renditions.RenditionDownload>();
        builder.Services.AddSingleton<MediaGate.Gate.Renditions.WebsiteFeed>();
        builder.Services.AddSingleton<MediaGate.Gate.Parents.ParentJournal>();
        builder.Services.AddSingleton(new MediaGate.Gate.Review.FaceSpotChecks(
            world.Database.Audit, world.Database.Media, world.Database.ReviewLists, world.Database.Videos, world.Masters, Microsoft.Extensions.Options.Options.Create(world.Ingest), world.Pixels));
        builder.Services.AddSingleton(new MediaGate.Gate.Review.TextRegionReview(world.Database.Media, world.Database.Audit, world.Database.TextRegions, world.Renditions, world.Time));
        builder.Services.AddSingleton<MediaGate.Gate.Children.ChildrenWhoLeft>();
        builder.Services.AddSingleton<MediaGate.Gate.Events.EventRegister>();
        builder.Services.AddSingleton(families);

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapParentEndpoints();
        app.MapWebsiteEndpoints();
        app.MapGroup("/api/manager").RequireAuthorization(Policies.Manager).MapManagerReviewEndpoints().MapManagerEventEndpoints().MapManagerSpotCheckEndpoints();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new EndpointHost(app, new Uri(address));
    }

    /// <summary>A request signed in as <paramref name="account"/> with <paramref name="role"/>.</summary>
    public static HttpRequestMessage As(string account, string role, HttpMethod method, string path, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        request.Headers.Add(HeaderAuthenticationHandler.AccountHeader, account);
        request.Headers.Add(HeaderAuthenticationHandler.RoleHeader, role);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
