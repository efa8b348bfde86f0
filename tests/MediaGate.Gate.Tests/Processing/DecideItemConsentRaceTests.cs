using MediaGate.Consent.Matrix;
using MediaGate.Data.Media;
using MediaGate.Gate.Consents;
using MediaGate.Gate.Processing;
using MediaGate.Gate.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MediaGate.Gate.Tests.Processing;

/// <summary>
/// Red team: a consent withdrawn while an item is being decided. The withdrawal lands after the item's decider
/// loaded the matrix and before it saved its decisions, so the withdrawal's own re-decision ran on the older stored
/// decisions and the decider then saved (and rendered) a release from the matrix it had loaded before.
/// </summary>
[TestClass]
public sealed class DecideItemConsentRaceTests
{
    [TestMethod]
    [DataRow(Backends.SqliteFolders)]
    [DataRow(Backends.PostgresAzurite)]
    public async Task DecideAsync_JournalWithdrawnWhileDeciding_LeavesNoParentRendition(string backends)
    {
        await using var gate = await GateHarness.CreateAsync(backends);
        var ava = await gate.AddChildAsync("Ava", Purpose.Journal);
        var item = await ProcessItemTests.UploadAsync(gate, Photos.Astronaut, ava);
        Assert.AreEqual(MediaStatus.Released, await gate.Process.ProcessAsync(item.MediaId, CancellationToken.None));
        Assert.IsNotNull(await gate.Database.Renditions.FindAsync(item.MediaId, Purpose.Journal, "parent:" + ava), "set-up: Ava's parents have the photo");

        var changeConsent = gate.Services.GetRequiredService<ChangeConsent>();
        var withdrawal = new ConsentChange(ava, Purpose.Journal, false, false, "Parent of Ava", "FORM-withdrawn", null);
        // The decider reads the clock right after it loaded the matrix: the withdrawal is recorded at that moment.
        var clock = new ClockThatRunsOnce(TimeProvider.System, 1, () => changeConsent.ApplyAsync(withdrawal, "manager").GetAwaiter().GetResult());
        var decide = ActivatorUtilities.CreateInstance<DecideItem>(gate.Services, (TimeProvider)clock);

        var status = await decide.DecideAsync(item.MediaId, "staff", CancellationToken.None);

        Assert.IsTrue(clock.HasRun, "the withdrawal is made during the decision");
        Assert.IsNull(await gate.Database.Renditions.FindAsync(item.MediaId, Purpose.Journal, "parent:" + ava), "a withdrawn child's photo is still in the journal");
        Assert.IsEmpty(await gate.Database.Media.JournalOfAsync([ava]));
        Assert.AreNotEqual(MediaStatus.Released, status);
    }
}
