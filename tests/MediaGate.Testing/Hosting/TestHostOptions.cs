using MediaGate.Gate;
using MediaGate.Testing.Renditions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace MediaGate.Testing.Hosting;

/// <summary>What differs between the tests that host the service in-process (<see cref="TestHost"/>).</summary>
internal sealed class TestHostOptions
{
    /// <summary>Settings as <c>mediagate.json</c> would give them, over the host's own (the bootstrapped manager).</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>The service's clock; default the system clock (the workers then run in real time).</summary>
    public FakeTimeProvider? Time { get; init; }

    /// <summary>A folder the caller owns and deletes (to start twice on it, or two nodes on one database); default a new one.</summary>
    public TempFolder? Folder { get; init; }

    /// <summary>Bootstraps the manager <see cref="TestHost.ManagerName"/> (default), as <c>MEDIAGATE_BOOTSTRAP_MANAGER</c> would.</summary>
    public bool SeedManager { get; init; } = true;

    /// <summary>Seals with <see cref="TestHost.Sealer"/>'s master key instead of a key generated into the data folder.</summary>
    public bool FixedMasterKey { get; init; }

    /// <summary>
    /// Serves over a renditions test world instead of the data folder: its database, stores, clock and
    /// use cases, with the header sign-in
    /// (<see cref="HeaderAuthenticationHandler"/>, <see cref="TestHost.As"/>) beside the bearer tokens.
    /// </summary>
    public RenditionWorld? World { get; init; }

    /// <summary>The parents' children in place of the accounts' own (a stand-in at that boundary).</summary>
    public IParentChildren? Families { get; init; }

    /// <summary>Adds to the container after the service's parts (a stand-in, a recording logger).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    /// <summary>Maps test-only endpoints beside the service's own (probes of a policy).</summary>
    public Action<WebApplication>? MapEndpoints { get; init; }
}
