using MediaGate.Gate.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MediaGate.Gate.Tests.Hosting;

[TestClass]
public sealed class GateServiceCollectionExtensionsTests
{
    [TestMethod]
    [DataRow("Gate:WorkerCount", "17")]
    [DataRow("Gate:LeaseSeconds", "1")]
    [DataRow("Gate:MaxAttempts", "0")]
    [DataRow("Gate:JournalMasks", "42")]
    [DataRow("Gate:MaxUploadBytes", "10")]
    public async Task AddMediaGateGate_SettingOutOfRange_IsRefusedWhenTheOptionsAreRead(string key, string value)
    {
        await using var gate = await GateHarness.CreateAsync(Backends.SqliteFolders, new Dictionary<string, string?> { [key] = value });

        var refused = Assert.Throws<OptionsValidationException>(() => gate.Services.GetRequiredService<IOptions<GateOptions>>().Value);

        StringAssert.Contains(refused.Message, key.Split(':')[1]);
    }

    [TestMethod]
    [DataRow("Gate:Retention:GraceDays", "-1")]
    [DataRow("Gate:Retention:AbandonedUploadSeconds", "4")]
    [DataRow("Gate:Retention:SweepSeconds", "0")]
    public async Task AddMediaGateGate_RetentionSettingOutOfRange_IsRefusedWhenTheOptionsAreRead(string key, string value)
    {
        await using var gate = await GateHarness.CreateAsync(Backends.SqliteFolders, new Dictionary<string, string?> { [key] = value });

        var refused = Assert.Throws<OptionsValidationException>(() => gate.Services.GetRequiredService<IOptions<MediaGate.Gate.Retention.RetentionOptions>>().Value);

        StringAssert.Contains(refused.Message, key.Split(':')[2]);
    }

    [TestMethod]
    public async Task AddMediaGateGate_RetentionDefaults_AreTheDocumentedOnes()
    {
        await using var gate = await GateHarness.CreateAsync(Backends.SqliteFolders);

        var options = gate.Services.GetRequiredService<IOptions<MediaGate.Gate.Retention.RetentionOptions>>().Value;

        Assert.AreEqual(30, options.GraceDays);
        Assert.AreEqual(21_600, options.AbandonedUploadSeconds);
        Assert.AreEqual(300, options.SweepSeconds);
    }

    [TestMethod]
    public async Task AddMediaGateGate_NestedIngestLimitOutOfRange_IsRefused()
    {
        await using var gate = await GateHarness.CreateAsync(Backends.SqliteFolders, new Dictionary<string, string?> { ["Ingest:Limits:MaxBytes"] = "0" });

        Assert.Throws<OptionsValidationException>(() => gate.Services.GetRequiredService<IOptions<Ingest.IngestOptions>>().Value);
    }

    [TestMethod]
    public async Task AddMediaGateGate_Defaults_AreTheDocumentedOnes()
    {
        await using var gate = await GateHarness.CreateAsync(Backends.SqliteFolders);

        var options = gate.Services.GetRequiredService<IOptions<GateOptions>>().Value;

        Assert.AreEqual(Math.Min(Environment.ProcessorCount, 16), options.WorkerCount);
        Assert.AreEqual(60, options.LeaseSeconds);
        Assert.AreEqual(3, options.MaxAttempts);
        Assert.AreEqual(Consent.Decisions.JournalMaskPolicy.MaskAndRelease, options.JournalMasks);
        Assert.AreEqual(Consent.Decisions.StaffAdultPolicy.Mask, options.StaffAdults);
    }
}
