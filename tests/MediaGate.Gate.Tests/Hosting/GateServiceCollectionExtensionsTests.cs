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

        Assert.AreEqual(1, options.WorkerCount);
        Assert.AreEqual(60, options.LeaseSeconds);
        Assert.AreEqual(3, options.MaxAttempts);
        Assert.AreEqual(Consent.Decisions.JournalMaskPolicy.Hold, options.JournalMasks);
        Assert.AreEqual(Consent.Decisions.StaffAdultPolicy.Mask, options.StaffAdults);
    }
}
