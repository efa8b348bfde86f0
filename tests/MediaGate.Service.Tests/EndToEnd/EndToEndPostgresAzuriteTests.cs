namespace MediaGate.Service.Tests.EndToEnd;

/// <summary>The same end-to-end scenario against PostgreSQL and Azure Blob Storage (Azurite).</summary>
[TestClass]
public sealed class EndToEndPostgresAzuriteTests : ServiceTest
{
    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public async Task Serve_NurseryDayOnPostgresAndAzurite_EachFamilySeesOnlyItsOwnConsentedPixels()
    {
        var backend = await TestServers.NewBackendAsync();
        var work = NewWorkFolder("e2e-pg");
        await using var service = await ServiceProcess.StartAsync(ServiceSettings.Shared(work, "pg", Models, backend));
        await EndToEndScenario.RunAsync(service, TestContext);
    }
}
