using MediaGate.Api.Endpoints;
using MediaGate.Gate.Parents;
using MediaGate.Testing.Renditions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MediaGate.Api.Tests.Endpoints;

[TestClass]
public sealed class TabletNotePreviewTests
{
    [TestMethod]
    public async Task PreviewNoteAsync_TwoTaggedChildren_EachFamilysReading()
    {
        await using var world = await RenditionWorld.CreateAsync();
        var ava = await world.ChildAsync("Ava Smith", group: true);
        var chloe = await world.ChildAsync("Chloe Jones", group: false);

        var result = await TabletEndpoints.PreviewNoteAsync(new NotePreviewRequest("Ava and Chloe on the blanket", [ava.Value, chloe.Value]), world.Notes, default);

        var readings = ((Ok<IReadOnlyList<NoteReading>>)result.Result).Value!;
        CollectionAssert.AreEqual(
            new[] { (ava.Value, "Ava and a friend on the blanket"), (chloe.Value, "Ava and Chloe on the blanket") },
            readings.Select(r => (r.ChildId, r.Note)).ToArray());
    }

    [TestMethod]
    public async Task PreviewNoteAsync_MissingOrOverlongNoteOrNoChildren_Is400()
    {
        await using var world = await RenditionWorld.CreateAsync();

        var missing = await TabletEndpoints.PreviewNoteAsync(null, world.Notes, default);
        var overlong = await TabletEndpoints.PreviewNoteAsync(new NotePreviewRequest(new string('a', FamilyNotes.MaxNoteLength + 1), []), world.Notes, default);
        var noChildren = await TabletEndpoints.PreviewNoteAsync(new NotePreviewRequest("Painting", null), world.Notes, default);

        foreach (var result in new[] { missing, overlong, noChildren })
        {
            Assert.AreEqual(StatusCodes.Status400BadRequest, (result.Result as ProblemHttpResult)?.StatusCode);
        }
    }
}
