using MediaGate.Testing.Servers;

namespace MediaGate.Storage.Tests.Support;

/// <summary>Starts Azurite once for the whole test assembly and kills it (with its process tree) at the end.</summary>
[TestClass]
public static class TestAssembly
{
    private static AzuriteServer? _azurite;
    private static Exception? _startFailure;

    /// <summary>The running Azurite; one that failed to start fails every blob test (never skips it).</summary>
    internal static AzuriteServer Azurite =>
        _azurite ?? throw new InvalidOperationException("Azurite did not start: " + _startFailure?.Message, _startFailure);

    [AssemblyInitialize]
    public static void StartAzurite(TestContext context)
    {
        try
        {
            _azurite = AzuriteServer.Start();
        }
#pragma warning disable CA1031 // Kept and rethrown by every blob test, so the folder and encryption tests still run and report.
        catch (Exception e)
#pragma warning restore CA1031
        {
            _startFailure = e;
        }
    }

    [AssemblyCleanup]
    public static void StopAzurite() => _azurite?.Dispose();
}
