using MediaGate.Consent.Matrix;
using MediaGate.Consent.People;
using MediaGate.Gate.Events;
using MediaGate.Gate.Outcomes;
using MediaGate.Gate.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MediaGate.Gate.Tests.Uploads;

/// <summary>Issue 12, section 0: an observation of an event may tag only children who attended it.</summary>
[TestClass]
public sealed class AcceptUploadEventTests
{
    [TestMethod]
    [DataRow(Backends.SqliteFolders)]
    [DataRow(Backends.PostgresAzurite)]
    public async Task AcceptAsync_TaggedChildWhoDidNotAttendTheEvent_IsUnprocessableNamingTheChildAndStoresNothing(string backends)
    {
        await using var gate = await GateHarness.CreateAsync(backends);
        var ava = await gate.AddChildAsync("Ava", Purpose.Journal, Purpose.Events);
        var ben = await gate.AddChildAsync("Ben", Purpose.Journal, Purpose.Events);
        var cleo = await gate.AddChildAsync("Cleo", Purpose.Journal, Purpose.Events);
        var picnic = await EventAsync(gate, ava, ben);

        var result = await gate.Accept.AcceptAsync(
            await new UploadBody { Children = [cleo], EventId = picnic }.File(Photos.Astronaut).RequestAsync(), CancellationToken.None);

        Assert.AreEqual(GateProblemKind.Unprocessable, result.Problem?.Kind);
        StringAssert.Contains(result.Problem!.Detail, cleo.Value);
        Assert.IsEmpty(await gate.MasterKeysAsync(), "nothing of a refused upload stays stored");
        Assert.IsEmpty(await gate.Database.Media.ObservationsOfStaffAsync("staff-anna", 10));
    }

    [TestMethod]
    public async Task AcceptAsync_AnAttendeeAndAChildWhoDidNotAttend_IsUnprocessable()
    {
        await using var gate = await GateHarness.CreateAsync(Backends.SqliteFolders);
        var ava = await gate.AddChildAsync("Ava", Purpose.Journal, Purpose.Events);
        var cleo = await gate.AddChildAsync("Cleo", Purpose.Journal, Purpose.Events);
        var picnic = await EventAsync(gate, ava);

        var result = await gate.Accept.AcceptAsync(
            await new UploadBody { Children = [ava, cleo], EventId = picnic }.File(Photos.Astronaut).RequestAsync(), CancellationToken.None);

        Assert.AreEqual(GateProblemKind.Unprocessable, result.Problem?.Kind);
    }

    [TestMethod]
    public async Task AcceptAsync_EveryTaggedChildAttended_IsAccepted()
    {
        await using var gate = await GateHarness.CreateAsync(Backends.SqliteFolders);
        var ava = await gate.AddChildAsync("Ava", Purpose.Journal, Purpose.Events);
        var ben = await gate.AddChildAsync("Ben", Purpose.Journal, Purpose.Events);
        var picnic = await EventAsync(gate, ava, ben);

        var result = await gate.Accept.AcceptAsync(
            await new UploadBody { Children = [ava], EventId = picnic }.File(Photos.Astronaut).RequestAsync(), CancellationToken.None);

        Assert.IsNull(result.Problem, result.Problem?.Detail);
    }

    internal static async Task<string> EventAsync(GateHarness gate, params ChildId[] attendees)
    {
        var outcome = await gate.Services.GetRequiredService<EventRegister>()
            .RecordAsync(new EventDraft("Picnic", "2026-06-20", attendees.Select(a => (string?)a.Value).ToArray()), "manager-1");
        return outcome.Value.Id;
    }
}
