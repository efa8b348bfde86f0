using MediaGate.Consent.Matrix;
using MediaGate.Gate.Observations;
using MediaGate.Gate.Tests.Support;

namespace MediaGate.Gate.Tests.Observations;

[TestClass]
public sealed class ReadObservationTests
{
    private static readonly TabletCaller Uploader = new("tablet-robins", "staff-anna");

    [TestMethod]
    public async Task ReadAsync_ProcessedAndWaitingItems_ShowsEachStatusAndTheFacesFound()
    {
        await using var gate = await GateHarness.CreateAsync(Backends.SqliteFolders);
        var ava = await gate.AddChildAsync("Ava", Purpose.Journal);
        var upload = await gate.Accept.AcceptAsync(
            await new UploadBody { Children = [ava] }.File(Photos.Astronaut).File(Photos.Coffee).RequestAsync(), CancellationToken.None);
        var astronaut = upload.Value.Receipt.Items[0].MediaId;
        await gate.Process.ProcessAsync(astronaut, CancellationToken.None);

        var view = await gate.Read.ReadAsync(upload.Value.Receipt.ObservationId, Uploader, CancellationToken.None);

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

        Assert.IsNull(await gate.Read.ReadAsync("0123456789abcdef0123456789abcdef", Uploader, CancellationToken.None));
    }

    [TestMethod]
    [DataRow("tablet-owls", "staff-ben", false)]
    [DataRow("tablet-robins", "staff-ben", true)]
    [DataRow("tablet-owls", "staff-anna", true)]
    public async Task ReadAsync_OtherCallers_SeeItOnlyFromTheSameTabletOrAsTheSameStaff(string device, string staff, bool sees)
    {
        await using var gate = await GateHarness.CreateAsync(Backends.SqliteFolders);
        var ava = await gate.AddChildAsync("Ava", Purpose.Journal);
        var upload = await gate.Accept.AcceptAsync(await new UploadBody { Children = [ava] }.File(Photos.Coffee).RequestAsync(), CancellationToken.None);
        var caller = new TabletCaller(device, staff);

        var view = await gate.Read.ReadAsync(upload.Value.Receipt.ObservationId, caller, CancellationToken.None);
        var recent = await gate.Read.RecentOfStaffAsync(caller, 20, CancellationToken.None);

        Assert.AreEqual(sees, view is not null);
        Assert.AreEqual(staff == "staff-anna", recent.Any(o => o.ObservationId == upload.Value.Receipt.ObservationId), "the recent list is the caller's own uploads");
    }
}
