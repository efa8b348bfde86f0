using System.Globalization;
using System.Security.Cryptography;
using MediaGate.Consent.Decisions;
using MediaGate.Consent.Matrix;
using MediaGate.Consent.Media;
using MediaGate.Consent.People;
using MediaGate.Consent.ReEvaluation;
using MediaGate.Data;
using MediaGate.Data.Media;
using MediaGate.Gate;
using MediaGate.Gate.Consents;
using MediaGate.Gate.Renditions;
using MediaGate.Gate.Review;
using MediaGate.Ingest;
using MediaGate.Ingest.Concurrency;
using MediaGate.Ingest.Decode;
using MediaGate.Ingest.Render;
using MediaGate.Storage;
using MediaGate.Storage.Encryption;
using MediaGate.Storage.Folder;
using Microsoft.Extensions.Logging.Abstractions;

namespace MediaGate.Testing.Renditions;

/// <summary>
/// One test's whole world: a real SQLite database in a temp folder, an encrypted folder master store, a folder
/// rendition store, and the use cases wired to them. Items are real photos from the shared face set, stripped
/// as processing strips them, with the annotated faces as the detector's; the first decisions are made as
/// processing makes them (journal per tagged child, website and publicity for the public).
/// </summary>
internal sealed class RenditionWorld : IAsyncDisposable
{
    /// <summary>A meeting: three faces, 148 to 186 px wide, well apart; 1024 px wide.</summary>
    public const string Meeting = "images/11--Meeting/11_Meeting_Meeting_11_Meeting_Meeting_11_633.jpg";

    public const string Manager = "manager-account";

    private readonly List<MediaGateDatabase> _others = [];
    private readonly List<RenditionService> _nodes = [];

    private RenditionWorld(string root, MediaGateDatabase database, IObjectStore masters, IObjectStore renditions, FakeTimeProvider time, DecisionOptions options, TextRegionScanner? text = null)
    {
        Root = root;
        Database = database;
        Masters = masters;
        RenditionStore = renditions;
        Time = time;
        Options = options;
        var clock = Microsoft.Extensions.Options.Options.Create(new SettingClockOptions { TimeZone = "Europe/London" });
        Ingest = new IngestOptions();
        Rendition = new RenditionOptions { MaxLongSide = 512 };
        Pixels = new PixelBudget(Ingest.PixelsInFlight);
        Renditions = NewRenditionService(database, masters, renditions, Rendition, Ingest, Pixels, time, text);
        Consents = new ChangeConsent(database.Children, database.Consents, database.Decisions, database.Audit, Statuses(database), Renditions, time, clock);
        var gate = new GateOptions { JournalMasks = options.JournalPhotoNeedingMasks, StaffAdults = options.StaffAdults };
        Review = new ReviewItem(
            database.Media, database.Decisions, database.Audit, database.Consents, database.ReviewActions, database.Approvals, database.ReviewLists,
            database.Videos, Statuses(database),
            new ItemRedecider(database.Media, database.Decisions, database.Approvals, database.ReviewActions, database.Events, database.Videos),
            Renditions, masters, Microsoft.Extensions.Options.Options.Create(Ingest), Microsoft.Extensions.Options.Options.Create(gate), time, clock);
        Notes = new MediaGate.Gate.Parents.FamilyNotes(database.Children, database.Consents, database.Media, time, clock);
    }

    /// <summary>Staff notes as each family reads them.</summary>
    public MediaGate.Gate.Parents.FamilyNotes Notes { get; }

    public string Root { get; }

    public MediaGateDatabase Database { get; }

    public IObjectStore Masters { get; }

    public IObjectStore RenditionStore { get; }

    /// <summary>Where the rendition store keeps its files.</summary>
    public string RenditionFolder => Path.Combine(Root, "renditions");

    public FakeTimeProvider Time { get; }

    public DecisionOptions Options { get; }

    public IngestOptions Ingest { get; }

    public RenditionOptions Rendition { get; }

    /// <summary>The pixel budget this node's renders draw on (the one processing shares in the service).</summary>
    public PixelBudget Pixels { get; }

    public RenditionService Renditions { get; }

    public ChangeConsent Consents { get; }

    public ReviewItem Review { get; }

    /// <param name="options">The setting's decision options; default: journal photos needing masks are released masked.</param>
    /// <param name="openDatabase">Opens the database (e.g. a PostgreSQL schema); default a SQLite file in the world's folder.</param>
    /// <param name="openStore">Opens the store named "masters" or "renditions" (e.g. an Azurite container; the masters
    /// are encrypted on top); default a folder in the world's folder.</param>
    /// <param name="text">The text detector for website and publicity renditions; default the installed model.</param>
    public static async Task<RenditionWorld> CreateAsync(
        DecisionOptions? options = null, Func<TimeProvider, Task<MediaGateDatabase>>? openDatabase = null, Func<string, IObjectStore>? openStore = null,
        TextRegionScanner? text = null)
    {
        var root = Path.Combine(Path.GetTempPath(), "mediagate-render-" + Guid.NewGuid().ToString("N"));
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero));
        var database = openDatabase is null
            ? await MediaGateDatabase.OpenSqliteAsync(Path.Combine(root, "data"), time)
            : await openDatabase(time);
        var encryption = new EnvelopeEncryptionOptions { CurrentKeyId = "k1" };
        encryption.MasterKeys.Add(new MasterKeyOptions { Id = "k1", Key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) });
        openStore ??= name => FolderObjectStore.Open(new FolderObjectStoreOptions { RootPath = Path.Combine(root, name) });
        var masters = new EncryptedObjectStore(openStore("masters"), encryption);
        var renditions = openStore("renditions");
        return new RenditionWorld(root, database, masters, renditions, time, options ?? new DecisionOptions(JournalMaskPolicy.MaskAndRelease), text);
    }

    /// <summary>A child on the roster, with journal consent (and the group option) and website consent as given.</summary>
    public async Task<ChildId> ChildAsync(string name, bool journal = true, bool group = true, bool website = false)
    {
        var child = new ChildId(Guid.NewGuid().ToString("N"));
        await Database.Children.AddAsync(new Child(child, name, "Rainbow room"));
        var today = DateOnly.FromDateTime(Time.GetUtcNow().UtcDateTime);
        await Database.Consents.AppendAsync(new ConsentRecord(child, Purpose.Journal, journal, group, "Parent of " + name, "form-1", today, null, null, Time.GetUtcNow()));
        await Database.Consents.AppendAsync(new ConsentRecord(child, Purpose.Website, website, false, "Parent of " + name, "form-1", today, null, null, Time.GetUtcNow()));
        return child;
    }

    /// <summary>
    /// An uploaded, processed and decided item: the photo's master (stripped, upright) in the master store, its
    /// annotated faces assigned as given (null = "not a child in our setting", or left unassigned when
    /// <paramref name="othersUnassigned"/>), and the first decisions stored, with no renditions yet. The faces numbered
    /// in <paramref name="faint"/> (1-based) are stored as detected with low confidence (score 0.6, uncertain). With
    /// <paramref name="video"/> the item is stored as a video (its kind, and its decisions' kind); its master is still the
    /// photo (a stand-in for a clip's frame: the decisions and the review do not read pixels).
    /// </summary>
    public async Task<MediaItemRecord> ItemAsync(
        string photo, IReadOnlyList<ChildId> tagged, IReadOnlyList<ChildId?> faceOwners, bool othersUnassigned = false, IReadOnlyCollection<int>? faint = null,
        string note = "Group time", bool video = false)
    {
        var bytes = File.ReadAllBytes(Path.Combine(TestPaths.FacesDev, photo));
        var stripped = new IngestPipeline(null, Ingest).Strip(new PhotoContext(bytes));
        Assert.IsTrue(stripped.IsSuccess, stripped.Failure?.ToString());
        var master = stripped.Value.Output!;
        var upright = PhotoReader.ReadUpright(master, Ingest.Limits).Value.Image;

        var mediaId = Guid.NewGuid().ToString("N");
        var now = Time.GetUtcNow();
        var observation = new ObservationRecord(Guid.NewGuid().ToString("N"), "tablet-1", "staff-1", now, now, note, tagged);
        var record = new MediaItemRecord(mediaId, observation.Id, 0, Convert.ToHexStringLower(SHA256.HashData(bytes)), bytes.Length,
            "uploads/" + mediaId, null, null, null, MediaStatus.Processing, null, now, now, tagged);
        await Database.PendingDeletions.RecordUploadAsync(record.UploadKey, now.AddHours(6));
        Assert.IsTrue((await Database.Media.AddUploadAsync(new NewUpload(observation, [record], "process", null, video ? [mediaId] : null))).Stored);

        var masterKey = ObjectKey.Parse("masters/" + mediaId + ".jpg");
        await Masters.PutAsync(masterKey, new MemoryStream(master));
        var faces = AnnotatedFaces(photo);
        var stored = await Database.Media.RecordMasterAsync(mediaId, masterKey.Value, upright.Width, upright.Height,
            faces.Select((f, i) => faint?.Contains(i + 1) == true ? new DetectedFaceRecord(i + 1, f, 0.6f, true) : new DetectedFaceRecord(i + 1, f, 0.95f, false)).ToArray());
        var assignments = stored.Zip(faceOwners)
            .Where(pair => pair.Second is not null || !othersUnassigned)
            .Select(pair => new FaceAssignmentChange(pair.First.FaceId, pair.Second is { } child ? FaceAssignment.ToChild(child) : FaceAssignment.Unknown))
            .ToArray();
        if (assignments.Length > 0)
        {
            Assert.IsTrue(await Database.Media.AssignFacesAsync(mediaId, assignments, "staff-1", now));
        }

        await DecideFirstAsync(mediaId, tagged, video ? MediaKind.Video : MediaKind.Photo);
        await Statuses(Database).UpdateAsync(mediaId, CancellationToken.None);
        return (await Database.Media.FindItemAsync(mediaId))!;
    }

    /// <summary>
    /// The renditions use case of a second node: its own connections to the same SQLite file, the same stores
    /// (a SQLite world only).
    /// </summary>
    public async Task<RenditionService> OtherNodeAsync()
    {
        var database = await MediaGateDatabase.OpenSqliteAsync(Path.Combine(Root, "data"), Time);
        _others.Add(database);
        var node = NewRenditionService(database, Masters, RenditionStore, Rendition, Ingest, new PixelBudget(Ingest.PixelsInFlight), Time);
        _nodes.Add(node);
        return node;
    }

    private static ItemStatuses Statuses(MediaGateDatabase database) => new(database.Media, database.Decisions, database.ReviewActions);

    private static RenditionService NewRenditionService(
        MediaGateDatabase database, IObjectStore masters, IObjectStore renditions, RenditionOptions rendition, IngestOptions ingest, PixelBudget pixels,
        TimeProvider time, TextRegionScanner? text = null) =>
        new(
            database.Media, database.Decisions, database.Approvals, database.ReviewActions, database.Renditions, database.TextRegions,
            database.PendingDeletions, masters, renditions, Microsoft.Extensions.Options.Options.Create(rendition),
            Microsoft.Extensions.Options.Options.Create(ingest), pixels, time, NullLogger<RenditionService>.Instance, text: text);

    /// <summary>The master's upright pixels.</summary>
    public static RgbImage MasterPixels(string photo)
    {
        var bytes = File.ReadAllBytes(Path.Combine(TestPaths.FacesDev, photo));
        return PhotoReader.ReadUpright(bytes, new IngestLimits()).Value.Image;
    }

    public static IReadOnlyList<FaceBox> AnnotatedFaces(string photo) =>
        File.ReadLines(Path.Combine(TestPaths.FacesDev, "gt.tsv"))
            .Select(line => line.Split('\t'))
            .Where(fields => fields[0] == photo)
            .Select(fields => new FaceBox(Number(fields[1]), Number(fields[2]), Number(fields[3]), Number(fields[4])))
            .ToArray();

    /// <summary>The rendition's JPEG from the store, decoded; null when there is no rendition.</summary>
    public async Task<RgbImage?> RenditionPixelsAsync(string mediaId, Purpose purpose, Audience audience)
    {
        var record = await Database.Renditions.FindAsync(mediaId, purpose, audience.Key);
        if (record is null)
        {
            return null;
        }

        var bytes = await StoredObjects.ReadAllAsync(RenditionStore, ObjectKey.Parse(record.ObjectKey), 1 << 26, CancellationToken.None);
        Assert.IsNotNull(bytes, "the rendition's row points at no object");
        return PhotoReader.ReadUpright(bytes, new IngestLimits()).Value.Image;
    }

    /// <summary>Every file in the rendition store.</summary>
    public string[] RenditionFiles() =>
        Directory.Exists(RenditionFolder)
            ? Directory.GetFiles(RenditionFolder, "*", SearchOption.AllDirectories).Where(f => !Path.GetFileName(f).StartsWith('.')).ToArray()
            : [];

    public async ValueTask DisposeAsync()
    {
        Renditions.Dispose();
        _nodes.ForEach(n => n.Dispose());
        foreach (var other in _others)
        {
            await other.DisposeAsync();
        }

        await Database.DisposeAsync();
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }

    private async Task DecideFirstAsync(string mediaId, IReadOnlyList<ChildId> tagged, MediaKind kind)
    {
        var faces = await Database.Media.FacesAsync(mediaId);
        var media = new MediaItem(new MediaItemId(mediaId), tagged, faces.Select(f => f.ToMediaFace()).ToArray(), kind);
        var matrix = await Database.Consents.LoadMatrixAsync();
        var consent = matrix.Now(Time, TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));
        var requests = tagged.Select(child => new DecisionRequest(media, Purpose.Journal, Audience.ParentOf(child), false, Options))
            .Append(new DecisionRequest(media, Purpose.Website, Audience.Public, false, Options));
        foreach (var request in requests)
        {
            var decision = ConsentDecisionEngine.Decide(request, consent);
            await Database.Decisions.SaveAsync(StoredDecision.From(Guid.NewGuid().ToString("N"), request, decision, Time.GetUtcNow()));
        }
    }

    private static float Number(string text) => float.Parse(text, CultureInfo.InvariantCulture);
}
