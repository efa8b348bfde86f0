using MediaGate.Consent.Matrix;
using MediaGate.Gate.Events;
using MediaGate.Gate.Outcomes;
using MediaGate.Gate.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MediaGate.Gate.Tests.Events;

[TestClass]
public sealed class EventRegisterTests
{
    [TestMethod]
    public async Task RecordAsync_ValidEvent_ListedNewestFirstAndAudited()
    {
        await using var gate = await GateHarness.CreateAsync(Backends.SqliteFolders);
        var register = gate.Services.GetRequiredService<EventRegister>();
        var ava = await gate.AddChildAsync("Ava", Purpose.Events);
        var ben = await gate.AddChildAsync("Ben");

        var fair = await register.RecordAsync(new EventDraft(" Summer fair ", "2026-06-20", [ben.Value, ava.Value, ava.Value]), "manager-1");
        var picnic = await register.RecordAsync(new EventDraft("Picnic", "2026-07-01", [ben.Value]), "manager-1");

        Assert.IsTrue(fair.IsSuccess, fair.Problem?.ToString());
        Assert.AreEqual(("Summer fair", new DateOnly(2026, 6, 20)), (fair.Value.Name, fair.Value.Date));
        CollectionAssert.AreEquivalent(new[] { ava.Value, ben.Value }, fair.Value.Attendees.ToArray(), "each attendee once");
        CollectionAssert.AreEqual(new[] { picnic.Value.Id, fair.Value.Id }, (await register.ListAsync()).Select(e => e.Id).ToArray());
        var audit = await gate.Database.Audit.ReadAsync();
        Assert.IsTrue(audit.Any(e => e is { Action: "event-create", Actor: "manager-1" } && e.Subject == fair.Value.Id));
    }

    [TestMethod]
    public async Task RecordAsync_AttendeeWhoHasLeft_RefusedNamingThemAndNothingStored()
    {
        await using var gate = await GateHarness.CreateAsync(Backends.SqliteFolders);
        var register = gate.Services.GetRequiredService<EventRegister>();
        var ava = await gate.AddChildAsync("Ava", Purpose.Events);
        var ben = await gate.AddChildAsync("Ben", Purpose.Events);
        await gate.Database.Retention.SetLeftOnAsync(ben, DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime));

        var outcome = await register.RecordAsync(new EventDraft("Summer fair", "2026-06-20", [ava.Value, ben.Value]), "manager-1");

        Assert.IsFalse(outcome.IsSuccess);
        StringAssert.Contains(string.Join(" ", outcome.Problem!.Errors!["attendees"]), "have left the setting: Ben.", "the manager is told which child, by name");
        Assert.IsEmpty(await register.ListAsync());
    }

    [TestMethod]
    [DataRow("", "2026-06-20", "name")]
    [DataRow("Fair", "20/06/2026", "date")]
    [DataRow("Fair", null, "date")]
    [DataRow("Fair", "2026-06-20", "attendees")]
    public async Task RecordAsync_InvalidField_ProblemForThatFieldAndNothingStored(string name, string? date, string field)
    {
        await using var gate = await GateHarness.CreateAsync(Backends.SqliteFolders);
        var register = gate.Services.GetRequiredService<EventRegister>();
        var ava = await gate.AddChildAsync("Ava");
        string?[] attendees = field == "attendees" ? [ava.Value, "not-a-child"] : [ava.Value];

        var outcome = await register.RecordAsync(new EventDraft(name, date, attendees), "manager-1");

        Assert.IsFalse(outcome.IsSuccess);
        CollectionAssert.AreEqual(new[] { field }, outcome.Problem!.Errors!.Keys.ToArray());
        Assert.IsEmpty(await register.ListAsync());
    }

    [TestMethod]
    public async Task RecordAsync_NoAttendeesOrMoreThanTheMaximum_Refused()
    {
        await using var gate = await GateHarness.CreateAsync(Backends.SqliteFolders);
        var register = gate.Services.GetRequiredService<EventRegister>();
        var ava = await gate.AddChildAsync("Ava");

        var none = await register.RecordAsync(new EventDraft("Fair", "2026-06-20", []), "manager-1");
        var tooMany = await register.RecordAsync(new EventDraft("Fair", "2026-06-20", Enumerable.Repeat<string?>(ava.Value, EventRegister.MaxAttendees + 1).ToArray()), "manager-1");

        Assert.IsTrue(none.Problem?.Errors?.ContainsKey("attendees") == true);
        Assert.IsTrue(tooMany.Problem?.Errors?.ContainsKey("attendees") == true);
        Assert.IsEmpty(await register.ListAsync());
    }

    [TestMethod]
    public async Task RecordAsync_AttendeeWhoHasLeft_ProblemNamesTheChildAndNothingStored()
    {
        await using var gate = await GateHarness.CreateAsync(Backends.SqliteFolders);
        var register = gate.Services.GetRequiredService<EventRegister>();
        var ava = await gate.AddChildAsync("Ava");
        var ben = await gate.AddChildAsync("Ben");
        await gate.Database.Retention.SetLeftOnAsync(ben, new DateOnly(2020, 7, 31));

        var outcome = await register.RecordAsync(new EventDraft("Fair", "2026-06-20", [ava.Value, ben.Value]), "manager-1");

        Assert.IsFalse(outcome.IsSuccess, "a child who has left is not listed at an event");
        StringAssert.Contains(outcome.Problem!.Errors!["attendees"].Single(), "Ben");
        Assert.IsEmpty(await register.ListAsync());
    }

    [TestMethod]
    [DataRow(Backends.SqliteFolders)]
    [DataRow(Backends.PostgresAzurite)]
    public async Task ChangeAttendeesAsync_BeforeAnyPhoto_ListReplacedAndAudited(string backends)
    {
        await using var gate = await GateHarness.CreateAsync(backends);
        var register = gate.Services.GetRequiredService<EventRegister>();
        var ava = await gate.AddChildAsync("Ava");
        var ben = await gate.AddChildAsync("Ben");
        var cleo = await gate.AddChildAsync("Cleo");
        var fair = (await register.RecordAsync(new EventDraft("Fair", "2026-06-20", [ava.Value, ben.Value]), "manager-1")).Value;

        var outcome = await register.ChangeAttendeesAsync(fair.Id, [cleo.Value, ava.Value], "manager-2");

        CollectionAssert.AreEquivalent(new[] { ava.Value, cleo.Value }, outcome.Value.Attendees.ToArray(), "the new list replaces the old one");
        CollectionAssert.AreEquivalent(new[] { ava.Value, cleo.Value }, (await register.ListAsync()).Single().Attendees.ToArray(), "as stored");
        var audit = await gate.Database.Audit.ReadAsync();
        Assert.IsTrue(audit.Any(e => e is { Action: "event-attendees", Actor: "manager-2" } && e.Subject == fair.Id));
    }

    [TestMethod]
    public async Task ChangeAttendeesAsync_AfterAPhotoNamesTheEvent_RefusedAndListKept()
    {
        await using var gate = await GateHarness.CreateAsync(Backends.SqliteFolders);
        var register = gate.Services.GetRequiredService<EventRegister>();
        var ava = await gate.AddChildAsync("Ava", Purpose.Journal, Purpose.Events);
        var ben = await gate.AddChildAsync("Ben", Purpose.Journal, Purpose.Events);
        var picnic = await Uploads.AcceptUploadEventTests.EventAsync(gate, ava);
        var accepted = await gate.Accept.AcceptAsync(
            await new UploadBody { Children = [ava], EventId = picnic }.File(Photos.Astronaut).RequestAsync(), CancellationToken.None);
        Assert.IsNull(accepted.Problem, accepted.Problem?.Detail);

        var outcome = await register.ChangeAttendeesAsync(picnic, [ava.Value, ben.Value], "manager-1");

        Assert.AreEqual(GateProblemKind.Conflict, outcome.Problem?.Kind, "its photos went to the families listed then");
        CollectionAssert.AreEqual(new[] { ava.Value }, (await register.ListAsync()).Single().Attendees.ToArray());
    }

    [TestMethod]
    public async Task ChangeAttendeesAsync_ChildWhoHasLeftOrUnknownEvent_Refused()
    {
        await using var gate = await GateHarness.CreateAsync(Backends.SqliteFolders);
        var register = gate.Services.GetRequiredService<EventRegister>();
        var ava = await gate.AddChildAsync("Ava");
        var ben = await gate.AddChildAsync("Ben");
        var fair = (await register.RecordAsync(new EventDraft("Fair", "2026-06-20", [ava.Value]), "manager-1")).Value;
        await gate.Database.Retention.SetLeftOnAsync(ben, new DateOnly(2020, 7, 31));

        var left = await register.ChangeAttendeesAsync(fair.Id, [ava.Value, ben.Value], "manager-1");
        var unknown = await register.ChangeAttendeesAsync("no-such-event", [ava.Value], "manager-1");

        Assert.IsTrue(left.Problem?.Errors?.ContainsKey("attendees") == true, "a child who has left is refused");
        CollectionAssert.AreEqual(new[] { ava.Value }, (await register.ListAsync()).Single().Attendees.ToArray());
        Assert.AreEqual(GateProblemKind.NotFound, unknown.Problem?.Kind);
    }
}
