using MediaGate.Consent.Matrix;
using MediaGate.Gate.Tests.Support;

namespace MediaGate.Gate.Tests.Observations;

[TestClass]
public sealed class ReadObservationTests
{
    [TestMethod]
    public async Task ReadAsync_ProcessedAndWaitingItems_ShowsEachStatusAndTheFacesFound()
    {
        await using var gate = await GateHarness.CreateAsync(Backends.SqliteFolders);
        var ava = await gate.AddChildAsync("Ava", Purpose.Journal);
        var upload = await gate.Accept.AcceptAsync(
            await new UploadBody { Children = [ava] }.File(Photos.Astronaut).File(Photos.Coffee).RequestAsync(), CancellationToken.None);
        var astronaut = upload.Receipt!.Items[0].MediaId;
        await gate.Process.ProcessAsync(astronaut, CancellationToken.None);

        var view = await gate.Read.ReadAsync(upload.Receipt.ObservationId, CancellationToken.None);

        Assert.IsNotNull(view);
        Assert.AreEqual("Painting at the easel", view.Note);
        CollectionAssert.AreEqual(new[] { ava.Value }, view.Children.ToArray());
        Assert.AreEqual("released", view.Items[0].Status);
        var face = view.Items[0].Faces.Single();
        Assert.AreEqual(ava.Value, face.ChildId);
        Assert.AreEqual("child", face.Kind);
        Assert.IsTrue(face.W > 0 && face.H > 0 && face.X >= 0 && face.Y >= 0 && face.Score > 0);
        Assert.AreEqual(32, face.FaceId.Length);
        Assert.AreEqual("processing", view.Items[1].Status);
        Assert.IsEmpty(view.Items[1].Faces);
    }

    [TestMethod]
    public async Task ReadAsync_UnknownObservation_IsNull()
    {
        await using var gate = await GateHarness.CreateAsync(Backends.SqliteFolders);

        Assert.IsNull(await gate.Read.ReadAsync("0123456789abcdef0123456789abcdef", CancellationToken.None));
    }
}
