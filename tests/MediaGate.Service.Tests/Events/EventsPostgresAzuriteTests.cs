namespace MediaGate.Service.Tests.Events;

/// <summary>The same events scenario against PostgreSQL and Azure Blob Storage (Azurite).</summary>
[TestClass]
public sealed class EventsPostgresAzuriteTests : ServiceTest
{
    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public async Task Serve_EventPhotoOnPostgresAndAzurite_AttendingFamiliesGetTheEventsConsentedPixelsOthers404()
    {
        var backend = await TestServers.NewBackendAsync();
        var work = NewWorkFolder("events-pg");
        await using var service = await ServiceProcess.StartAsync(ServiceSettings.Shared(work, "events-pg", Models, backend));
        await EventsScenario.RunAsync(service, TestContext);
    }
}
