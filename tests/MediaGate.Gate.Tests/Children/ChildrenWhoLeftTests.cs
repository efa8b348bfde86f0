using MediaGate.Consent.Matrix;
using MediaGate.Gate.Children;
using MediaGate.Gate.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MediaGate.Gate.Tests.Children;

[TestClass]
public sealed class ChildrenWhoLeftTests
{
    [TestMethod]
    public async Task NowAsync_LeavingDayIsTodayInTheSettingButTomorrowInUtc_HasLeft()
    {
        // 12:00 UTC on 6 December is already 01:00 on 7 December in Auckland (UTC+13): the setting's day decides.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero));
        await using var gate = await GateHarness.CreateAsync(Backends.SqliteFolders, new Dictionary<string, string?> { ["Nursery:TimeZone"] = "Pacific/Auckland" }, clock: clock);
        var leaving = await gate.AddChildAsync("Ava", Purpose.Journal);
        var staying = await gate.AddChildAsync("Ben", Purpose.Journal);
        await gate.Database.Retention.SetLeftOnAsync(leaving, new DateOnly(2026, 12, 7));
        await gate.Database.Retention.SetLeftOnAsync(staying, new DateOnly(2026, 12, 8));
        var rule = gate.Services.GetRequiredService<ChildrenWhoLeft>();

        var left = await rule.NowAsync();

        Assert.AreEqual(new DateOnly(2026, 12, 7), rule.Today, "today is the setting's date");
        CollectionAssert.AreEquivalent(new[] { leaving.Value }, left.ToArray(), "Ava left today in the setting's calendar; Ben leaves tomorrow");
    }
}
