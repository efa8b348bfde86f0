using MediaGate.Testing.Servers;

namespace MediaGate.Service.Tests.Support;

/// <summary>
/// The run's one PostgreSQL cluster and one Azurite (CI budget: started once, in parallel, when the first test
/// needs them, and stopped at the end). A server that failed to start fails every test that needs it, never skips it.
/// </summary>
[TestClass]
public static class TestServers
{
    private static readonly Lazy<Task<PostgresCluster>> Postgres = new(() => Task.Run(PostgresCluster.Start));
    private static readonly Lazy<Task<AzuriteServer>> Azurite = new(() => Task.Run(AzuriteServer.Start));

    /// <summary>A fresh database and containers on the shared servers.</summary>
    internal static async Task<SharedBackend> NewBackendAsync()
    {
        var postgres = Postgres.Value;
        var azurite = Azurite.Value;
        await Task.WhenAll(postgres, azurite);
        return await SharedBackend.CreateAsync(postgres.Result.ConnectionString, azurite.Result.ConnectionString);
    }

    [AssemblyCleanup]
    public static void StopServers()
    {
        if (Postgres.IsValueCreated && Postgres.Value.IsCompletedSuccessfully)
        {
            Postgres.Value.Result.Dispose();
        }

        if (Azurite.IsValueCreated && Azurite.Value.IsCompletedSuccessfully)
        {
            Azurite.Value.Result.Dispose();
        }
    }
}
