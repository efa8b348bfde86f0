using MediaGate.Consent.Matrix;
using MediaGate.Gate.Events;
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

        Assert.IsNotNull(fair.Event, string.Join("; ", fair.Problems.Select(p => p.Key)));
        Assert.AreEqual(("Summer fair", new DateOnly(2026, 6, 20)), (fair.Event.Name, fair.Event.Date));
        CollectionAssert.AreEquivalent(new[] { ava.Value, ben.Value }, fair.Event.Attendees.ToArray(), "each attendee once");
        CollectionAssert.AreEqual(new[] { picnic.Event!.Id, fair.Event.Id }, (await register.ListAsync()).Select(e => e.Id).ToArray());
        var audit = await gate.Database.Audit.ReadAsync();
        Assert.IsTrue(audit.Any(e => e is { Action: "event-create", Actor: "manager-1" } && e.Subject == fair.Event.Id));
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

        Assert.IsNull(outcome.Event);
        StringAssert.Contains(string.Join(" ", outcome.Problems["attendees"]), ben.Value);
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

        Assert.IsNull(outcome.Event);
        CollectionAssert.AreEqual(new[] { field }, outcome.Problems.Keys.ToArray());
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

        Assert.IsTrue(none.Problems.ContainsKey("attendees"));
        Assert.IsTrue(tooMany.Problems.ContainsKey("attendees"));
        Assert.IsEmpty(await register.ListAsync());
    }
}
