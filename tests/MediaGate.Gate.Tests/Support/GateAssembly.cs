using MediaGate.Ingest.Detect;
using MediaGate.Testing.Servers;

namespace MediaGate.Gate.Tests.Support;

/// <summary>
/// Starts the real services once for the whole assembly: a PostgreSQL cluster, Azurite, and the face detector
/// (the ONNX session is loaded once, as the service does). A service that failed to start fails every test that
/// needs it (never skips it); the others still run.
/// </summary>
[TestClass]
public static class GateAssembly
{
    private static readonly Lazy<IFaceDetector> LazyDetector = new(OpenDetector);
    private static PostgresCluster? _postgres;
    private static AzuriteServer? _azurite;
    private static Exception? _postgresFailure;
    private static Exception? _azuriteFailure;

    internal static PostgresCluster Postgres =>
        _postgres ?? throw new InvalidOperationException("The PostgreSQL test cluster did not start: " + _postgresFailure?.Message, _postgresFailure);

    internal static AzuriteServer Azurite =>
        _azurite ?? throw new InvalidOperationException("Azurite did not start: " + _azuriteFailure?.Message, _azuriteFailure);

    /// <summary>The default detector (the strongest model installed or in ../shared/models), one session for every test.</summary>
    internal static IFaceDetector Detector => LazyDetector.Value;

    [AssemblyInitialize]
    public static void Start(TestContext context)
    {
#pragma warning disable CA1031 // Kept and rethrown by every test that needs the service, so the others still run and report.
        try
        {
            _postgres = PostgresCluster.Start();
        }
        catch (Exception e)
        {
            _postgresFailure = e;
        }

        try
        {
            _azurite = AzuriteServer.Start();
        }
        catch (Exception e)
        {
            _azuriteFailure = e;
        }
#pragma warning restore CA1031
    }

    [AssemblyCleanup]
    public static void Stop()
    {
        _postgres?.Dispose();
        _azurite?.Dispose();
        if (LazyDetector.IsValueCreated)
        {
            LazyDetector.Value.Dispose();
        }
    }

    private static IFaceDetector OpenDetector()
    {
        var registry = new ModelRegistry(ModelManifest.Load(ModelManifest.DefaultPath).Value, [ModelRegistry.InstalledFolder, TestPaths.SharedModels]);
        var detector = FaceDetectorFactory.Create(registry, name: null);
        return detector.IsSuccess ? detector.Value : throw new InvalidOperationException("No face detector: " + detector.Failure);
    }
}
