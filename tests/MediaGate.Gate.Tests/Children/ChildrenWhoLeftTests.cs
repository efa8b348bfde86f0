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

    [TestMethod]
    public async Task AmongAsync_IdsWithALeaverTwice_NamesTheLeaverOnce()
    {
        await using var gate = await GateHarness.CreateAsync(Backends.SqliteFolders);
        var ava = await gate.AddChildAsync("Ava");
        var ben = await gate.AddChildAsync("Ben");
        await gate.Database.Retention.SetLeftOnAsync(ben, new DateOnly(2020, 7, 31));
        var rule = gate.Services.GetRequiredService<ChildrenWhoLeft>();

        var left = await rule.AmongAsync([ava.Value, ben.Value, null, ben.Value]);

        CollectionAssert.AreEqual(new[] { ben.Value }, left);
    }

    [TestMethod]
    public async Task ForTabletsAsync_ChildWhoHasLeftAndOneWhoLeavesLater_ListsOnlyThoseStillHereByName()
    {
        await using var gate = await GateHarness.CreateAsync(Backends.SqliteFolders);
        var zoe = await gate.AddChildAsync("Zoe");
        var ava = await gate.AddChildAsync("Ava");
        var ben = await gate.AddChildAsync("Ben");
        await gate.Database.Retention.SetLeftOnAsync(ben, new DateOnly(2020, 7, 31));
        await gate.Database.Retention.SetLeftOnAsync(zoe, new DateOnly(2199, 7, 31));

        var listed = await gate.Services.GetRequiredService<ChildRegister>().ForTabletsAsync();

        CollectionAssert.AreEqual(new[] { ava.Value, zoe.Value }, listed.Select(c => c.Id).ToArray(), "Ben has left; Zoe leaves later and is still tagged");
    }
}
