using MediaGate.Testing.Servers;

namespace MediaGate.Data.Tests.Support;

/// <summary>Starts the PostgreSQL cluster once for the whole test assembly, and stops it at the end.</summary>
[TestClass]
public static class TestAssembly
{
    private static PostgresCluster? _cluster;
    private static Exception? _startFailure;

    /// <summary>The running cluster; a cluster that failed to start fails every PostgreSql test (never skips it).</summary>
    internal static PostgresCluster Cluster =>
        _cluster ?? throw new InvalidOperationException("The PostgreSQL test cluster did not start: " + _startFailure?.Message, _startFailure);

    [AssemblyInitialize]
    public static void StartPostgreSql(TestContext context)
    {
        try
        {
            _cluster = PostgresCluster.Start();
        }
#pragma warning disable CA1031 // Kept and rethrown by every PostgreSql test, so the SQLite rows still run and report.
        catch (Exception e)
#pragma warning restore CA1031
        {
            _startFailure = e;
        }
    }

    [AssemblyCleanup]
    public static void StopPostgreSql() => _cluster?.Dispose();
}
