using MediaGate.Consent.Matrix;
using MediaGate.Gate.Consents;
using MediaGate.Testing.Renditions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MediaGate.Gate.Tests.Consents;

[TestClass]
public sealed class ConsentLapseSweepTests
{
    [TestMethod]
    public async Task SweepOnceAsync_JournalConsentPastItsReviewDate_WithdrawsTheRendition()
    {
        await using var world = await RenditionWorld.CreateAsync();
        var ava = await world.ChildAsync("Ava Smith");
        var today = DateOnly.FromDateTime(world.Time.GetUtcNow().UtcDateTime);
        var grant = (await world.Database.Consents.HistoryAsync(ava, Purpose.Journal))[^1];
        world.Time.Advance(TimeSpan.FromSeconds(1));
        await world.Database.Consents.AppendAsync(grant with { LapsesOn = today.AddDays(1), RecordedAt = world.Time.GetUtcNow() });
        var item = await world.ItemAsync(RenditionWorld.Meeting, [ava], [ava, null, null]);
        await world.Renditions.RefreshItemAsync(item.Id);
        var sweep = new ConsentLapseSweep(
            world.Database.Consents, world.Consents, Options.Create(new LapseSweepOptions()), Options.Create(new SettingClockOptions { TimeZone = "Europe/London" }),
            world.Time, NullLogger<ConsentLapseSweep>.Instance);

        var beforeTheDate = await sweep.SweepOnceAsync();
        Assert.AreEqual(0, beforeTheDate.ChangedDecisions);
        Assert.HasCount(1, world.RenditionFiles());

        world.Time.Advance(TimeSpan.FromDays(2));
        var afterTheDate = await sweep.SweepOnceAsync();

        Assert.AreEqual(1, afterTheDate.ChangedDecisions);
        CollectionAssert.AreEqual(new[] { item.Id }, afterTheDate.AffectedMedia.ToArray());
        Assert.IsEmpty(world.RenditionFiles());
        Assert.IsEmpty(await world.Database.Renditions.OfMediaAsync(item.Id));
    }
}
