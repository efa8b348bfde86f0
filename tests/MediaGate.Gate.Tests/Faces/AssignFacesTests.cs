using MediaGate.Gate.Outcomes;
using Microsoft.Extensions.DependencyInjection;
using MediaGate.Consent.Matrix;
using MediaGate.Consent.Media;
using MediaGate.Data.Media;
using MediaGate.Gate.Faces;
using MediaGate.Gate.Observations;
using MediaGate.Gate.Tests.Processing;
using MediaGate.Gate.Tests.Support;

namespace MediaGate.Gate.Tests.Faces;

[TestClass]
public sealed class AssignFacesTests
{
    private static readonly TabletCaller Uploader = new("tablet-robins", "staff-anna");

    [TestMethod]
    [DataRow(Backends.SqliteFolders)]
    [DataRow(Backends.PostgresAzurite)]
    public async Task ByTabletAsync_EveryFaceAccountedFor_ReDecidesAndReleasesTheGroupPhoto(string backends)
    {
        // Masked faces are released masked, so accounting for every face is all that stands between this photo and the journal.
        await using var gate = await GateHarness.CreateAsync(backends, new Dictionary<string, string?> { ["Gate:JournalMasks"] = "MaskAndRelease" });
        var ava = await gate.AddChildAsync("Ava", Purpose.Journal);
        var item = await ProcessItemTests.UploadAsync(gate, Photos.Meeting, ava);
        Assert.AreEqual(MediaStatus.NeedsAssignment, await gate.Process.ProcessAsync(item.MediaId, CancellationToken.None));
        var faces = await gate.Database.Media.FacesAsync(item.MediaId);
        var input = faces.Select((f, i) => i switch
        {
            0 => new FaceAssignmentInput(f.FaceId, ava.Value),
            1 => new FaceAssignmentInput(f.FaceId, null, "staff"),
            _ => new FaceAssignmentInput(f.FaceId, null, "not-a-child"),
        }).ToArray();

        var outcome = await gate.Assign.ByTabletAsync(item.MediaId, Uploader, input, CancellationToken.None);

        Assert.IsTrue(outcome.IsSuccess, outcome.Problem?.Detail);
        Assert.AreEqual("released", outcome.Value.Status, outcome.Value.Detail);
        Assert.AreEqual(ava.Value, outcome.Value.Faces[0].ChildId);
        Assert.AreEqual("staff", outcome.Value.Faces[1].Kind);
        Assert.AreEqual("not-a-child", outcome.Value.Faces[2].Kind);
        Assert.IsNotNull(await gate.Database.Renditions.FindAsync(item.MediaId, Purpose.Journal, "parent:" + ava));
        Assert.IsTrue((await gate.Database.Audit.ReadAsync()).Any(e => e.Action == "face-assignment" && e.Subject == item.MediaId));
    }

    [TestMethod]
    [DataRow(Backends.SqliteFolders)]
    [DataRow(Backends.PostgresAzurite)]
    public async Task ByTabletAsync_NotAFace_RemovesTheMaskDoesNotCountAndAuditsTheScore(string backends)
    {
        // Under Hold, any mask over an unknown face would hold the photo: dismissed detections must leave nothing to mask.
        await using var gate = await GateHarness.CreateAsync(backends, new Dictionary<string, string?> { ["Gate:JournalMasks"] = "Hold" });
        var ava = await gate.AddChildAsync("Ava", Purpose.Journal);
        var item = await ProcessItemTests.UploadAsync(gate, Photos.Meeting, ava);
        Assert.AreEqual(MediaStatus.NeedsAssignment, await gate.Process.ProcessAsync(item.MediaId, CancellationToken.None));
        var faces = await gate.Database.Media.FacesAsync(item.MediaId);
        var input = faces.Select((f, i) => i == 0 ? new FaceAssignmentInput(f.FaceId, ava.Value) : new FaceAssignmentInput(f.FaceId, null, "not-a-face")).ToArray();

        var outcome = await gate.Assign.ByTabletAsync(item.MediaId, Uploader, input, CancellationToken.None);

        Assert.IsTrue(outcome.IsSuccess, outcome.Problem?.Detail);
        Assert.AreEqual("released", outcome.Value.Status, outcome.Value.Detail);
        CollectionAssert.AreEqual(faces.Skip(1).Select(_ => "not-a-face").ToArray(), outcome.Value.Faces.Skip(1).Select(f => f.Kind).ToArray());
        var journal = (await gate.Database.Decisions.OfMediaAsync(item.MediaId)).Single(d => d.Request.Purpose == Purpose.Journal);
        Assert.IsTrue(journal.Faces.All(v => v == Consent.Decisions.FaceVisibility.Show), "no dismissed detection is masked");
        var audited = (await gate.Database.Audit.ReadAsync()).Where(e => e.Action == AssignFaces.NotAFaceAuditAction && e.Subject == item.MediaId).ToArray();
        Assert.HasCount(faces.Count - 1, audited);
        foreach (var face in faces.Skip(1))
        {
            using var detail = System.Text.Json.JsonDocument.Parse(audited.Single(e => e.Detail!.Contains(face.FaceId, StringComparison.Ordinal)).Detail!);
            Assert.AreEqual(face.Number, detail.RootElement.GetProperty("number").GetInt32());
            Assert.AreEqual(face.Score, detail.RootElement.GetProperty("score").GetDouble(), 1e-3);
            Assert.AreEqual(face.Uncertain ? "faint" : "certain", detail.RootElement.GetProperty("strength").GetString());
            Assert.AreEqual(item.MediaId, detail.RootElement.GetProperty("mediaId").GetString());
        }
    }

    [TestMethod]
    public async Task ByTabletAsync_AFaceView_SaysWhetherTheDetectionIsFaint()
    {
        await using var gate = await GateHarness.CreateAsync(Backends.SqliteFolders, detector: new ChosenStrengthDetector(i => i > 0));
        var ava = await gate.AddChildAsync("Ava", Purpose.Journal);
        var item = await ProcessItemTests.UploadAsync(gate, Photos.Meeting, ava);
        await gate.Process.ProcessAsync(item.MediaId, CancellationToken.None);
        var faces = await gate.Database.Media.FacesAsync(item.MediaId);

        var certain = faces.Single(f => !f.Uncertain);
        var outcome = await gate.Assign.ByTabletAsync(item.MediaId, Uploader, [new FaceAssignmentInput(certain.FaceId, ava.Value)], CancellationToken.None);

        Assert.IsTrue(faces.Any(f => f.Uncertain), "precondition: faint faces besides the certain one");
        CollectionAssert.AreEqual(faces.Select(f => f.FaceId != certain.FaceId).ToArray(), outcome.Value.Faces.Select(f => f.Faint).ToArray());
        CollectionAssert.AreEqual(faces.Select(f => f.Uncertain).ToArray(), outcome.Value.Faces.Select(f => f.Uncertain).ToArray());
    }

    [TestMethod]
    public async Task ByTabletAsync_OneFaceStillUnassigned_StaysNeedingAssignment()
    {
        await using var gate = await GateHarness.CreateAsync(Backends.SqliteFolders, new Dictionary<string, string?> { ["Gate:JournalMasks"] = "MaskAndRelease" });
        var ava = await gate.AddChildAsync("Ava", Purpose.Journal);
        var item = await ProcessItemTests.UploadAsync(gate, Photos.Meeting, ava);
        await gate.Process.ProcessAsync(item.MediaId, CancellationToken.None);
        var faces = await gate.Database.Media.FacesAsync(item.MediaId);

        var outcome = await gate.Assign.ByTabletAsync(item.MediaId, Uploader,
            [new FaceAssignmentInput(faces[0].FaceId, ava.Value), new FaceAssignmentInput(faces[1].FaceId, null, "staff")], CancellationToken.None);

        Assert.AreEqual("needs-assignment", outcome.Value.Status);
        Assert.IsNull(await gate.Database.Renditions.FindAsync(item.MediaId, Purpose.Journal, "parent:" + ava));
    }

    [TestMethod]
    public async Task ByTabletAsync_TakingTheOnlyChildBack_WithdrawsTheRendition()
    {
        // Under Hold: the face now masked as someone outside the setting holds the photo (the default would re-make it masked).
        await using var gate = await GateHarness.CreateAsync(Backends.SqliteFolders, new Dictionary<string, string?> { ["Gate:JournalMasks"] = "Hold" });
        var ava = await gate.AddChildAsync("Ava", Purpose.Journal);
        var item = await ProcessItemTests.UploadAsync(gate, Photos.Astronaut, ava);
        await gate.Process.ProcessAsync(item.MediaId, CancellationToken.None);
        var rendition = await gate.Database.Renditions.FindAsync(item.MediaId, Purpose.Journal, "parent:" + ava);
        var face = (await gate.Database.Media.FacesAsync(item.MediaId)).Single();

        var outcome = await gate.Assign.ByTabletAsync(item.MediaId, Uploader, [new FaceAssignmentInput(face.FaceId, null, "not-a-child")], CancellationToken.None);

        Assert.AreNotEqual("released", outcome.Value.Status);
        Assert.IsNull(await gate.Database.Renditions.FindAsync(item.MediaId, Purpose.Journal, "parent:" + ava));
        Assert.IsFalse(await StoredObjects.ExistsAsync(gate.Renditions, rendition!.ObjectKey));
    }

    [TestMethod]
    public async Task ByTabletAsync_AnotherStaffMembersUploadFromAnotherTablet_IsNotFoundAndChangesNothing()
    {
        await using var gate = await GateHarness.CreateAsync(Backends.SqliteFolders);
        var ava = await gate.AddChildAsync("Ava", Purpose.Journal);
        var item = await ProcessItemTests.UploadAsync(gate, Photos.Meeting, ava);
        await gate.Process.ProcessAsync(item.MediaId, CancellationToken.None);
        var face = (await gate.Database.Media.FacesAsync(item.MediaId))[0];

        var outcome = await gate.Assign.ByTabletAsync(item.MediaId, new TabletCaller("tablet-owls", "staff-ben"),
            [new FaceAssignmentInput(face.FaceId, ava.Value)], CancellationToken.None);

        Assert.AreEqual(GateProblemKind.Forbidden, outcome.Problem?.Kind);
        Assert.AreEqual(FaceAssignment.Unassigned, (await gate.Database.Media.FacesAsync(item.MediaId))[0].Assignment);
    }

    [TestMethod]
    public async Task ByTabletAsync_SameStaffOnAnotherTablet_MayAssign()
    {
        await using var gate = await GateHarness.CreateAsync(Backends.SqliteFolders);
        var ava = await gate.AddChildAsync("Ava", Purpose.Journal);
        var item = await ProcessItemTests.UploadAsync(gate, Photos.Meeting, ava);
        await gate.Process.ProcessAsync(item.MediaId, CancellationToken.None);
        var face = (await gate.Database.Media.FacesAsync(item.MediaId))[0];

        var outcome = await gate.Assign.ByTabletAsync(item.MediaId, new TabletCaller("tablet-owls", "staff-anna"),
            [new FaceAssignmentInput(face.FaceId, ava.Value)], CancellationToken.None);

        Assert.IsTrue(outcome.IsSuccess, outcome.Problem?.Detail);
    }

    [TestMethod]
    [DataRow(Backends.SqliteFolders)]
    [DataRow(Backends.PostgresAzurite)]
    public async Task ByTabletAsync_FaceOfAnotherItem_IsInvalidAndChangesNothing(string backends)
    {
        await using var gate = await GateHarness.CreateAsync(backends);
        var ava = await gate.AddChildAsync("Ava", Purpose.Journal);
        var mine = await ProcessItemTests.UploadAsync(gate, Photos.Meeting, ava);
        var other = await ProcessItemTests.UploadAsync(gate, Photos.Astronaut, ava);
        await gate.Process.ProcessAsync(mine.MediaId, CancellationToken.None);
        await gate.Process.ProcessAsync(other.MediaId, CancellationToken.None);
        var myFace = (await gate.Database.Media.FacesAsync(mine.MediaId))[0];
        var otherFace = (await gate.Database.Media.FacesAsync(other.MediaId))[0];

        var outcome = await gate.Assign.ByTabletAsync(mine.MediaId, Uploader,
            [new FaceAssignmentInput(myFace.FaceId, ava.Value), new FaceAssignmentInput(otherFace.FaceId, null, "staff")], CancellationToken.None);

        Assert.AreEqual(GateProblemKind.Invalid, outcome.Problem?.Kind);
        Assert.AreEqual(FaceAssignment.Unassigned, (await gate.Database.Media.FacesAsync(mine.MediaId))[0].Assignment);
    }

    [TestMethod]
    public async Task ByTabletAsync_UnknownChild_IsInvalid()
    {
        await using var gate = await GateHarness.CreateAsync(Backends.SqliteFolders);
        var ava = await gate.AddChildAsync("Ava", Purpose.Journal);
        var item = await ProcessItemTests.UploadAsync(gate, Photos.Meeting, ava);
        await gate.Process.ProcessAsync(item.MediaId, CancellationToken.None);
        var face = (await gate.Database.Media.FacesAsync(item.MediaId))[0];

        var outcome = await gate.Assign.ByTabletAsync(item.MediaId, Uploader,
            [new FaceAssignmentInput(face.FaceId, "0000000000000000000000000000dead")], CancellationToken.None);

        Assert.AreEqual(GateProblemKind.Invalid, outcome.Problem?.Kind);
    }

    [TestMethod]
    public async Task ByTabletAsync_ChildWhoHasLeft_IsInvalidAndChangesNothing()
    {
        await using var gate = await GateHarness.CreateAsync(Backends.SqliteFolders);
        var ava = await gate.AddChildAsync("Ava", Purpose.Journal);
        var ben = await gate.AddChildAsync("Ben", Purpose.Journal);
        var item = await ProcessItemTests.UploadAsync(gate, Photos.Meeting, ava);
        await gate.Process.ProcessAsync(item.MediaId, CancellationToken.None);
        var face = (await gate.Database.Media.FacesAsync(item.MediaId))[0];
        await gate.Database.Retention.SetLeftOnAsync(ben, DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime));

        var outcome = await gate.Assign.ByTabletAsync(item.MediaId, Uploader, [new FaceAssignmentInput(face.FaceId, ben.Value)], CancellationToken.None);

        Assert.AreEqual(GateProblemKind.Invalid, outcome.Problem?.Kind);
        StringAssert.Contains(outcome.Problem?.Detail, "left the setting");
        Assert.AreEqual(FaceAssignment.Unassigned, (await gate.Database.Media.FacesAsync(item.MediaId))[0].Assignment);
    }

    [TestMethod]
    public async Task ByTabletAsync_UploadOlderThanTheStaffWindow_IsNotFound()
    {
        await using var gate = await GateHarness.CreateAsync(Backends.SqliteFolders);
        var ava = await gate.AddChildAsync("Ava", Purpose.Journal);
        var item = await ProcessItemTests.UploadAsync(gate, Photos.Meeting, ava);
        await gate.Process.ProcessAsync(item.MediaId, CancellationToken.None);
        var face = (await gate.Database.Media.FacesAsync(item.MediaId))[0];
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TimeProvider.System.GetUtcNow() + StaffReadRule.Window + TimeSpan.FromMinutes(1));
        var later = new AssignFaces(gate.Database.Accounts, gate.Database.Audit, gate.Database.Media, gate.Services.GetRequiredService<MediaGate.Gate.Processing.DecideItem>(), new ReadObservation(gate.Database.Media, gate.Database.Videos, gate.Database.Decisions, clock), clock, gate.Services.GetRequiredService<MediaGate.Gate.Children.ChildrenWhoLeft>());

        var outcome = await later.ByTabletAsync(item.MediaId, Uploader, [new FaceAssignmentInput(face.FaceId, ava.Value)], CancellationToken.None);

        Assert.AreEqual(GateProblemKind.Forbidden, outcome.Problem?.Kind);
    }

    [TestMethod]
    public async Task ByTabletAsync_BeforeProcessing_IsConflict()
    {
        await using var gate = await GateHarness.CreateAsync(Backends.SqliteFolders);
        var ava = await gate.AddChildAsync("Ava", Purpose.Journal);
        var item = await ProcessItemTests.UploadAsync(gate, Photos.Meeting, ava);

        var outcome = await gate.Assign.ByTabletAsync(item.MediaId, Uploader, [new FaceAssignmentInput("0123456789abcdef0123456789abcdef", ava.Value)], CancellationToken.None);

        Assert.AreEqual(GateProblemKind.Conflict, outcome.Problem?.Kind);
    }

    [TestMethod]
    public async Task ByTabletAsync_UnknownItem_IsNotFound()
    {
        await using var gate = await GateHarness.CreateAsync(Backends.SqliteFolders);

        var outcome = await gate.Assign.ByTabletAsync("0123456789abcdef0123456789abcdef", Uploader, [new FaceAssignmentInput("f", null)], CancellationToken.None);

        Assert.AreEqual(GateProblemKind.NotFound, outcome.Problem?.Kind);
    }

    [TestMethod]
    public void Parse_EveryKind_GivesTheAssignmentItNames()
    {
        var changes = AssignFaces.Parse(
        [
            new FaceAssignmentInput("a", "ava"),
            new FaceAssignmentInput("b", "ben", "child"),
            new FaceAssignmentInput("c", null, "staff"),
            new FaceAssignmentInput("d", null, "not-a-child"),
            new FaceAssignmentInput("e", null),
            new FaceAssignmentInput("f", null, "unassigned"),
            new FaceAssignmentInput("g", null, "not-a-face"),
        ]);

        CollectionAssert.AreEqual(
            new[]
            {
                FaceAssignment.ToChild(new("ava")), FaceAssignment.ToChild(new("ben")), FaceAssignment.StaffAdult, FaceAssignment.Unknown,
                FaceAssignment.Unassigned, FaceAssignment.Unassigned, FaceAssignment.NotAFace,
            },
            changes!.Select(c => c.Assignment).ToArray());
    }

    [TestMethod]
    [DataRow("child", null)]
    [DataRow("staff", "ava")]
    [DataRow("not-a-child", "ava")]
    [DataRow("not-a-face", "ava")]
    [DataRow("teacher", null)]
    [DataRow("Child", "ava")]
    public void Parse_KindAndChildThatDoNotGoTogether_IsRefused(string kind, string? child)
    {
        Assert.IsNull(AssignFaces.Parse([new FaceAssignmentInput("a", child, kind)]));
    }

    [TestMethod]
    public void Parse_EmptyOrTheSameFaceTwiceOrNoFaceId_IsRefused()
    {
        Assert.IsNull(AssignFaces.Parse([]));
        Assert.IsNull(AssignFaces.Parse(null));
        Assert.IsNull(AssignFaces.Parse([new FaceAssignmentInput("a", "ava"), new FaceAssignmentInput("a", null, "staff")]));
        Assert.IsNull(AssignFaces.Parse([new FaceAssignmentInput(" ", "ava")]));
    }
}
