using MediaGate.Consent.Decisions;
using MediaGate.Consent.Matrix;
using MediaGate.Consent.Media;
using MediaGate.Data.Media;
using MediaGate.Gate.Tests.Support;
using MediaGate.Ingest;
using MediaGate.Ingest.Decode;
using MediaGate.Testing.Renditions;

namespace MediaGate.Gate.Tests.Processing;

/// <summary>
/// The issue-12 rules as the service applies them to real photos: faint detections are masked and hold nothing, the
/// one face of any strength alone in a one-child photo is the child, and matching counts release a photo untouched.
/// </summary>
[TestClass]
public sealed class DecideItemTests
{
    [TestMethod]
    [DataRow(Backends.SqliteFolders)]
    [DataRow(Backends.PostgresAzurite)]
    public async Task DecideAsync_OneCertainFaceAndFaintOnesChildWithGroupOption_ReleasesUntouchedWithTheFaintOnesMasked(string backends)
    {
        // Under Hold, a faint detection's mask would hold the photo if it counted: it must not. One certain face for one
        // tagged child with the group option: matching counts show it, and nobody is asked.
        await using var gate = await GateHarness.CreateAsync(backends, new Dictionary<string, string?> { ["Gate:JournalMasks"] = "Hold" },
            new ChosenStrengthDetector(i => i > 0));
        var ava = await gate.AddChildAsync("Ava", group: true, Purpose.Journal);
        var item = await ProcessItemTests.UploadAsync(gate, Photos.Meeting, ava);

        var status = await gate.Process.ProcessAsync(item.MediaId, CancellationToken.None);

        var faces = await gate.Database.Media.FacesAsync(item.MediaId);
        Assert.IsGreaterThan(1, faces.Count, "the meeting photo has several faces");
        Assert.AreEqual(MediaStatus.Released, status, (await gate.Database.Media.FindItemAsync(item.MediaId))!.StatusDetail);
        Assert.IsTrue(faces.All(f => f.Assignment.Kind == FaceAssignmentKind.Unassigned), "nobody is assigned: the faint faces are candidates too");
        var (rendition, plain, scale) = await RenditionAndPlainAsync(gate, item.MediaId, Purpose.Journal, "parent:" + ava);
        var certain = faces.Single(f => !f.Uncertain);
        Assert.IsLessThan(Pixels.ShownAtMost, Pixels.DifferenceInFace(rendition, plain, certain.Box, scale), "the certain face is shown to Ava's family");
        foreach (var faint in faces.Where(f => f.Uncertain))
        {
            Assert.IsGreaterThan(Pixels.MaskedAtLeast, Pixels.DifferenceInFace(rendition, plain, faint.Box, scale), $"faint face {faint.Number} is masked");
        }
    }

    [TestMethod]
    public async Task DecideAsync_OneCertainFaceAndFaintOnesChildWithoutGroupOption_WaitsForStaff()
    {
        // Two candidates (the faint one may be Ava, the certain one someone else): the tablet asks.
        await using var gate = await GateHarness.CreateAsync(Backends.SqliteFolders, detector: new ChosenStrengthDetector(i => i > 0));
        var ava = await gate.AddChildAsync("Ava", Purpose.Journal);
        var item = await ProcessItemTests.UploadAsync(gate, Photos.Meeting, ava);

        var status = await gate.Process.ProcessAsync(item.MediaId, CancellationToken.None);

        Assert.AreEqual(MediaStatus.NeedsAssignment, status, (await gate.Database.Media.FindItemAsync(item.MediaId))!.StatusDetail);
        Assert.IsTrue((await gate.Database.Media.FacesAsync(item.MediaId)).All(f => f.Assignment.Kind == FaceAssignmentKind.Unassigned));
    }

    [TestMethod]
    public async Task DecideAsync_OnlyFaintFacesButOne_TheFaintFaceAloneIsTheChild()
    {
        await using var gate = await GateHarness.CreateAsync(Backends.SqliteFolders, detector: new ChosenStrengthDetector(_ => true));
        var ava = await gate.AddChildAsync("Ava", Purpose.Journal);
        var item = await ProcessItemTests.UploadAsync(gate, Photos.Astronaut, ava);

        var status = await gate.Process.ProcessAsync(item.MediaId, CancellationToken.None);

        var face = (await gate.Database.Media.FacesAsync(item.MediaId)).Single();
        Assert.IsTrue(face.Uncertain);
        Assert.AreEqual(MediaStatus.Released, status);
        Assert.AreEqual(FaceAssignment.ToChild(ava), face.Assignment, "one tagged child and one faint face: the child is not masked in her own copy");
        var (rendition, plain, scale) = await RenditionAndPlainAsync(gate, item.MediaId, Purpose.Journal, "parent:" + ava);
        Assert.IsLessThan(Pixels.ShownAtMost, Pixels.DifferenceInFace(rendition, plain, face.Box, scale));
    }

    [TestMethod]
    [DataRow(Backends.SqliteFolders)]
    [DataRow(Backends.PostgresAzurite)]
    public async Task DecideAsync_AsManyCertainFacesAsTaggedChildrenAllWithGroupConsent_ReleasesEveryJournalUntouchedAndUnmasked(string backends)
    {
        await using var gate = await GateHarness.CreateAsync(backends, detector: new ChosenStrengthDetector(_ => false));
        var count = await CountFacesAsync(Photos.Meeting);
        var children = new List<Consent.People.ChildId>();
        for (var i = 0; i < count; i++)
        {
            children.Add(await gate.AddChildAsync("Child " + i, group: true, Purpose.Journal));
        }

        var item = await ProcessItemTests.UploadAsync(gate, Photos.Meeting, [.. children]);

        var status = await gate.Process.ProcessAsync(item.MediaId, CancellationToken.None);

        Assert.AreEqual(MediaStatus.Released, status, (await gate.Database.Media.FindItemAsync(item.MediaId))!.StatusDetail);
        var faces = await gate.Database.Media.FacesAsync(item.MediaId);
        Assert.IsTrue(faces.All(f => f.Assignment.Kind == FaceAssignmentKind.Unassigned), "matching counts need nobody to name a face");
        foreach (var child in children)
        {
            var (rendition, plain, scale) = await RenditionAndPlainAsync(gate, item.MediaId, Purpose.Journal, "parent:" + child);
            foreach (var face in faces)
            {
                Assert.IsLessThan(Pixels.ShownAtMost, Pixels.DifferenceInFace(rendition, plain, face.Box, scale), $"face {face.Number} is shown to {child}'s family");
            }
        }
    }

    [TestMethod]
    public async Task DecideAsync_AsManyCertainFacesAsTaggedChildrenButOneWithoutGroupOption_NeedsAssignment()
    {
        await using var gate = await GateHarness.CreateAsync(Backends.SqliteFolders, detector: new ChosenStrengthDetector(_ => false));
        var count = await CountFacesAsync(Photos.Meeting);
        var children = new List<Consent.People.ChildId>();
        for (var i = 0; i < count; i++)
        {
            children.Add(await gate.AddChildAsync("Child " + i, group: i > 0, Purpose.Journal));
        }

        var item = await ProcessItemTests.UploadAsync(gate, Photos.Meeting, [.. children]);

        Assert.AreEqual(MediaStatus.NeedsAssignment, await gate.Process.ProcessAsync(item.MediaId, CancellationToken.None));
        Assert.IsEmpty(await gate.Database.Media.JournalOfAsync(children));
    }

    [TestMethod]
    public async Task DecideAsync_EventObservationStoredBeforeTheAttendeeCheckTaggingAChildWhoDidNotAttend_MasksHerForTheAttendeesFamilies()
    {
        // Regression (issue 12, section 0): Cleo, tagged on a photo of the picnic she did not attend, was shown unmasked to
        // the attendees' families. Uploads are refused now; an observation stored before that is masked by the engine.
        await using var gate = await GateHarness.CreateAsync(Backends.SqliteFolders);
        var ava = await gate.AddChildAsync("Ava", Purpose.Journal, Purpose.Events);
        var ben = await gate.AddChildAsync("Ben", Purpose.Journal, Purpose.Events);
        var cleo = await gate.AddChildAsync("Cleo", Purpose.Journal, Purpose.Events);
        var picnic = await Uploads.AcceptUploadEventTests.EventAsync(gate, ava, ben);
        var item = await ProcessItemTests.UploadAsync(gate, Photos.Astronaut, cleo);
        var observation = (await gate.Database.Media.FindItemAsync(item.MediaId))!.ObservationId;
        await ExecuteSqliteAsync(gate, $"UPDATE observations SET event_id = '{picnic}' WHERE id = '{observation}'");

        await gate.Process.ProcessAsync(item.MediaId, CancellationToken.None);

        var face = (await gate.Database.Media.FacesAsync(item.MediaId)).Single();
        Assert.AreEqual(FaceAssignment.ToChild(cleo), face.Assignment);
        var audience = Audience.EventFamilies([ava, ben], [ava, ben]);
        var (events, plainForEvents, eventScale) = await RenditionAndPlainAsync(gate, item.MediaId, Purpose.Events, audience.Key);
        Assert.IsGreaterThan(Pixels.MaskedAtLeast, Pixels.DifferenceInFace(events, plainForEvents, face.Box, eventScale), "Cleo is masked for the picnic's families");
        var (journal, plainForJournal, journalScale) = await RenditionAndPlainAsync(gate, item.MediaId, Purpose.Journal, "parent:" + cleo);
        Assert.IsLessThan(Pixels.ShownAtMost, Pixels.DifferenceInFace(journal, plainForJournal, face.Box, journalScale), "her own family still sees her");
    }

    private static async Task ExecuteSqliteAsync(GateHarness gate, string sql)
    {
        var file = Path.Combine(Path.GetDirectoryName(gate.MastersFolder)!, "data", Data.MediaGateDatabase.SqliteFileName);
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        Assert.AreEqual(1, await command.ExecuteNonQueryAsync());
    }

    private static Task<int> CountFacesAsync(string photo)
    {
        var image = PhotoReader.ReadUpright(File.ReadAllBytes(photo), new IngestLimits()).Value.Image;
        return Task.FromResult(GateAssembly.Detector.Detect(image).Value.Count);
    }

    internal static async Task<(RgbImage Rendition, RgbImage Plain, double Scale)> RenditionAndPlainAsync(
        GateHarness gate, string mediaId, Purpose purpose, string audience)
    {
        var rendition = await gate.Database.Renditions.FindAsync(mediaId, purpose, audience);
        Assert.IsNotNull(rendition, $"the {purpose} rendition for {audience} exists");
        var image = PhotoReader.ReadUpright((await StoredObjects.ReadAsync(gate.Renditions, rendition.ObjectKey))!, new IngestLimits()).Value.Image;
        var item = await gate.Database.Media.FindItemAsync(mediaId);
        var master = PhotoReader.ReadUpright((await StoredObjects.ReadAsync(gate.Masters, item!.MasterKey!))!, new IngestLimits()).Value.Image;
        return (image, Pixels.PlainReduction(master, Math.Max(image.Width, image.Height)), (double)image.Width / master.Width);
    }
}
