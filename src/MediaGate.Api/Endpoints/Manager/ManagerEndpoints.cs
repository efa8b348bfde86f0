using MediaGate.Api.Identity;

namespace MediaGate.Api.Endpoints.Manager;

/// <summary>
/// The manager's API (api.md, Manager): one group under <c>/api/manager</c> that only <see cref="Policies.Manager"/> may
/// reach, with one file of endpoints per resource beside its request and response types. Every change and export is
/// audited.
/// </summary>
public static class ManagerEndpoints
{
    public static RouteGroupBuilder MapManagerEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/manager").RequireAuthorization(Policies.Manager).WithTags("Manager");
        group.MapManagerChildEndpoints();
        group.MapManagerConsentEndpoints();
        group.MapManagerConsentPreviewEndpoints();
        group.MapManagerAccountEndpoints();
        group.MapManagerDeviceEndpoints();
        group.MapManagerWebsiteKeyEndpoints();
        group.MapManagerEventEndpoints();
        group.MapManagerReviewEndpoints();
        group.MapManagerSpotCheckEndpoints();
        group.MapManagerTextRegionEndpoints();
        group.MapManagerAuditEndpoints();
        group.MapManagerRequeueEndpoints();
        group.MapManagerRetentionEndpoints();
        group.MapManagerDashboardEndpoints();
        return group;
    }
}
