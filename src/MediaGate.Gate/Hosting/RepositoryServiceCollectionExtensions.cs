using MediaGate.Data;
using MediaGate.Data.Events;
using MediaGate.Data.Identity;
using MediaGate.Data.Media;
using MediaGate.Data.Retention;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MediaGate.Gate.Hosting;

/// <summary>
/// Registers each repository of the host's <see cref="MediaGateDatabase"/> on its own (issue 13, section 1), so a use case
/// takes the few repositories it uses instead of the whole database.
/// </summary>
public static class RepositoryServiceCollectionExtensions
{
    public static IServiceCollection AddMediaGateRepositories(this IServiceCollection services)
    {
        Add(services, d => d.Children);
        Add(services, d => d.Consents);
        Add(services, d => d.Decisions);
        Add(services, d => d.Audit);
        Add(services, d => d.Work);
        Add<IAccountRepository>(services, d => d.Accounts);
        Add<IDeviceRepository>(services, d => d.Devices);
        Add<IWebsiteKeyRepository>(services, d => d.WebsiteKeys);
        Add<IRevokedTokenRepository>(services, d => d.RevokedTokens);
        Add<IMediaRepository>(services, d => d.Media);
        Add<IMediaActivityRepository>(services, d => d.MediaActivity);
        Add<IRenditionRepository>(services, d => d.Renditions);
        Add<IApprovalRepository>(services, d => d.Approvals);
        Add<IReviewActionRepository>(services, d => d.ReviewActions);
        Add<IReviewListRepository>(services, d => d.ReviewLists);
        Add<IEventRepository>(services, d => d.Events);
        Add<IParentMediaRepository>(services, d => d.ParentMedia);
        Add<IPendingDeletions>(services, d => d.PendingDeletions);
        Add<IRetentionRepository>(services, d => d.Retention);
        Add<IVideoRepository>(services, d => d.Videos);
        Add<ITextRegionRepository>(services, d => d.TextRegions);
        return services;
    }

    private static void Add<T>(IServiceCollection services, Func<MediaGateDatabase, T> repository)
        where T : class =>
        services.TryAddSingleton(provider => repository(provider.GetRequiredService<MediaGateDatabase>()));
}
