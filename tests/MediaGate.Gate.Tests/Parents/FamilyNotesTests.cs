using MediaGate.Consent.Matrix;
using MediaGate.Gate.Parents;
using MediaGate.Gate.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MediaGate.Gate.Tests.Parents;

[TestClass]
public sealed class FamilyNotesTests
{
    [TestMethod]
    public async Task PreviewAsync_ChloeWithoutGroupSharing_AvasFamilyReadsAFriendChloesFamilyReadsAva()
    {
        await using var gate = await GateHarness.CreateAsync(Backends.SqliteFolders);
        var ava = await gate.AddChildAsync("Ava", group: true, Purpose.Journal);
        var chloe = await gate.AddChildAsync("Chloe", group: false, Purpose.Journal);
        var notes = gate.Services.GetRequiredService<FamilyNotes>();

        var readings = (await notes.PreviewAsync("Ava and Chloe sharing the picnic blanket", [ava.Value, chloe.Value, "not-a-child"], CancellationToken.None)).Value;

        Assert.HasCount(2, readings);
        Assert.AreEqual("Ava and a friend sharing the picnic blanket", readings.Single(r => r.ChildId == ava.Value).Note);
        Assert.AreEqual("Ava and Chloe sharing the picnic blanket", readings.Single(r => r.ChildId == chloe.Value).Note, "Ava's group option shows her");
    }

    [TestMethod]
    public async Task ForFamilyAsync_ParentsListItem_NoteNamesOnlyWhoTheFamilyMaySee()
    {
        await using var gate = await GateHarness.CreateAsync(Backends.SqliteFolders);
        var ava = await gate.AddChildAsync("Ava", group: false, Purpose.Journal);
        var chloe = await gate.AddChildAsync("Chloe", group: false, Purpose.Journal);
        var upload = await gate.Accept.AcceptAsync(
            await new UploadBody { Children = [ava, chloe], Note = "Ava and Chloe sharing the picnic blanket" }.File(Photos.Coffee).RequestAsync(), CancellationToken.None);
        string mediaId = upload.Value.Receipt.Items[0].MediaId;
        var item = new ParentListItem(mediaId, ava.Value, TimeProvider.System.GetUtcNow(), "Ava and Chloe sharing the picnic blanket", "released", "journal");

        var copy = await gate.Services.GetRequiredService<FamilyNotes>().ForFamilyAsync([item], [ava], CancellationToken.None);

        Assert.AreEqual("Ava and a friend sharing the picnic blanket", copy.Single().Note);
    }
}
