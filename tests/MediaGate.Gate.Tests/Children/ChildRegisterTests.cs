using MediaGate.Gate.Children;
using MediaGate.Gate.Outcomes;
using MediaGate.Gate.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MediaGate.Gate.Tests.Children;

/// <summary>Adding a child: the same child twice (a double click on "Add child") is refused, a namesake elsewhere is not.</summary>
[TestClass]
public sealed class ChildRegisterTests
{
    [TestMethod]
    public async Task AddAsync_SameNameAndRoomAsAChildStillHere_ConflictSayingSoAndNothingAdded()
    {
        await using var gate = await GateHarness.CreateAsync(Backends.SqliteFolders);
        var register = gate.Services.GetRequiredService<ChildRegister>();
        Assert.IsTrue((await register.AddAsync("Ava Thompson", "Butterflies", "manager")).IsSuccess);

        var again = await register.AddAsync(" Ava Thompson ", "Butterflies", "manager");

        Assert.IsFalse(again.IsSuccess);
        Assert.AreEqual(GateProblemKind.Conflict, again.Problem.Kind);
        Assert.AreEqual("Ava Thompson is already in Butterflies.", again.Problem.Detail);
        Assert.HasCount(1, (await register.ListAsync()).Where(c => c.Child.Name == "Ava Thompson"), "the second add stored nothing");
    }

    [TestMethod]
    public async Task AddAsync_SameNameNoRoomTwice_ConflictSayingThereIsNoRoom()
    {
        await using var gate = await GateHarness.CreateAsync(Backends.SqliteFolders);
        var register = gate.Services.GetRequiredService<ChildRegister>();
        await register.AddAsync("Ava Thompson", null, "manager");

        var again = await register.AddAsync("Ava Thompson", "  ", "manager");

        Assert.AreEqual("Ava Thompson is already on the list, with no room.", again.Problem?.Detail);
    }

    [TestMethod]
    public async Task AddAsync_NamesakeInAnotherRoomOrAfterTheFirstLeft_Added()
    {
        await using var gate = await GateHarness.CreateAsync(Backends.SqliteFolders);
        var register = gate.Services.GetRequiredService<ChildRegister>();
        var first = (await register.AddAsync("Ava Thompson", "Butterflies", "manager")).Value;

        var otherRoom = await register.AddAsync("Ava Thompson", "Robins", "manager");
        await gate.Database.Retention.SetLeftOnAsync(first.Id, new DateOnly(2020, 7, 31));
        var afterLeaving = await register.AddAsync("Ava Thompson", "Butterflies", "manager");

        Assert.IsTrue(otherRoom.IsSuccess, "a namesake in another room is another child");
        Assert.IsTrue(afterLeaving.IsSuccess, "a child who has left does not block a new one of the same name");
    }
}
