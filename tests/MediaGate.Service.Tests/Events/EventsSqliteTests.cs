namespace MediaGate.Service.Tests.Events;

/// <summary>The events scenario against the embedded default: SQLite and folder stores.</summary>
[TestClass]
public sealed class EventsSqliteTests : ServiceTest
{
    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public async Task Serve_EventPhotoOnSqlite_AttendingFamiliesGetTheEventsConsentedPixelsOthers404()
    {
        var work = NewWorkFolder("events-sqlite");
        await using var service = await ServiceProcess.StartAsync(ServiceSettings.Embedded(work, "events", Models));
        await EventsScenario.RunAsync(service, TestContext);
    }
}
