using MediaGate.Gate.Accounts;
using MediaGate.Gate.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MediaGate.Api.Hosting;

/// <summary>
/// Registers the manager's account, device and website key use cases with the identity part's rules behind
/// <see cref="ICredentials"/>. Assumes the host registered the database, the clock and the identity part.
/// </summary>
public static class AccountServiceCollectionExtensions
{
    public static IServiceCollection AddMediaGateAccounts(this IServiceCollection services)
    {
        services.AddMediaGateRepositories();
        services.TryAddSingleton<ICredentials, IdentityCredentials>();
        services.TryAddSingleton<AccountRegister>();
        services.TryAddSingleton<DeviceRegister>();
        services.TryAddSingleton<WebsiteKeyRegister>();
        services.TryAddSingleton<Gate.Sessions.SessionRegister>();
        return services;
    }
}
