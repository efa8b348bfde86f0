namespace MediaGate.Service.Tests.EndToEnd;

/// <summary>The end-to-end scenario against the embedded default: SQLite and folder stores in the data folder.</summary>
[TestClass]
public sealed class EndToEndSqliteTests : ServiceTest
{
    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public async Task Serve_NurseryDayOnSqliteAndFolders_EachFamilySeesOnlyItsOwnConsentedPixels()
    {
        var work = NewWorkFolder("e2e-sqlite");
        await using var service = await ServiceProcess.StartAsync(ServiceSettings.Embedded(work, "sqlite", Models));
        await EndToEndScenario.RunAsync(service, TestContext);
    }
}
