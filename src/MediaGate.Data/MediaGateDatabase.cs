using MediaGate.Data.Audit;
using MediaGate.Storage;
using MediaGate.Data.Events;
using MediaGate.Data.Identity;
using MediaGate.Data.Media;
using MediaGate.Data.Migrations;
using MediaGate.Data.Retention;
using MediaGate.Data.Sql;
using MediaGate.Data.Sql.Events;
using MediaGate.Data.Sql.Identity;
using MediaGate.Data.Sql.Media;
using MediaGate.Data.Sql.Retention;

namespace MediaGate.Data;

/// <summary>
/// The database behind the consent matrix and stored decisions. Opening it creates the schema or brings it
/// up to date (versioned migrations applied on start), on SQLite or PostgreSQL alike.
/// </summary>
public sealed class MediaGateDatabase : IAsyncDisposable
{
    /// <summary>The SQLite file's name inside the data folder.</summary>
    public const string SqliteFileName = "mediagate.db";

    private readonly SqlStore _store;
    private readonly SqlAuditLog _audit;

    private MediaGateDatabase(SqlStore store, IReadOnlyList<int> appliedMigrations, TimeProvider time)
    {
        _store = store;
        AppliedMigrations = appliedMigrations;
        Children = new SqlChildRepository(store);
        Consents = new SqlConsentRepository(store);
        Decisions = new SqlDecisionRepository(store);
        _audit = new SqlAuditLog(store, time);
        Audit = _audit;
        Work = new SqlWorkQueue(store, time);
        Accounts = new SqlAccountRepository(store);
        Devices = new SqlDeviceRepository(store);
        WebsiteKeys = new SqlWebsiteKeyRepository(store);
        SigningKeys = new SqlSigningKeyRepository(store);
        SignInThrottle = new SqlSignInThrottle(store);
        RevokedTokens = new SqlRevokedTokenRepository(store);
        Media = new SqlMediaRepository(store, time);
        MediaActivity = new SqlMediaActivityRepository(store);
        Renditions = new SqlRenditionRepository(store);
        Approvals = new SqlApprovalRepository(store);
        ReviewActions = new SqlReviewActionRepository(store);
        ReviewLists = new SqlReviewListRepository(store);
        Events = new SqlEventRepository(store);
        ParentMedia = new SqlParentMediaRepository(store);
        PendingDeletions = new SqlPendingDeletions(store);
        Retention = new SqlRetentionRepository(store);
        Videos = new SqlVideoRepository(store);
    }

    public StoreKind Kind => _store.Kind;

    /// <summary>Keys the audit chain from now on with keys derived from the master keys (issue 13: with write access to
    /// the database alone, the chain could be edited and re-chained). Called once at start by the service and the CLI.</summary>
    public void UseAuditKeys(AuditKeys keys) => _audit.Keys = keys;

    /// <summary>The migrations this start applied (empty when the schema was already current).</summary>
    public IReadOnlyList<int> AppliedMigrations { get; }

    /// <summary>The newest schema version this build knows.</summary>
    public static int SchemaVersion => SchemaMigrations.All.Max(m => m.Version);

    public IChildRepository Children { get; }

    public IConsentRepository Consents { get; }

    public IDecisionRepository Decisions { get; }

    public IAuditLog Audit { get; }

    public IWorkQueue Work { get; }

    /// <summary>Manager, staff and parent accounts, and the children each parent may see.</summary>
    public IAccountRepository Accounts { get; }

    /// <summary>Registered tablets.</summary>
    public IDeviceRepository Devices { get; }

    /// <summary>The website's API keys.</summary>
    public IWebsiteKeyRepository WebsiteKeys { get; }

    /// <summary>The bearer tokens' signing keys, shared by every node.</summary>
    public ISigningKeyRepository SigningKeys { get; }

    /// <summary>Failed sign-in counters, shared by every node.</summary>
    public ISignInThrottle SignInThrottle { get; }

    /// <summary>Bearer tokens signed out before they expire, shared by every node.</summary>
    public IRevokedTokenRepository RevokedTokens { get; }

    /// <summary>Observations, media items, faces and the tablets' idempotency keys.</summary>
    public IMediaRepository Media { get; }

    /// <summary>What happened to media items lately, for the manager's dashboard.</summary>
    public IMediaActivityRepository MediaActivity { get; }

    /// <summary>The renditions made for each item, purpose and audience.</summary>
    public IRenditionRepository Renditions { get; }

    /// <summary>The manager's approvals for the website and publicity.</summary>
    public IApprovalRepository Approvals { get; }

    /// <summary>The manager's review actions (release, mask, block) per item and purpose.</summary>
    public IReviewActionRepository ReviewActions { get; }

    /// <summary>The manager console's lists beside the review queue: released items newest first, dismissed detections.</summary>
    public IReviewListRepository ReviewLists { get; }

    /// <summary>Events, parties and outings with the children who attended.</summary>
    public IEventRepository Events { get; }

    /// <summary>What parents' lists are made from (journal items and event items of their children).</summary>
    public IParentMediaRepository ParentMedia { get; }
    /// <summary>Objects due for deletion from the stores (abandoned uploads, retention).</summary>
    public IPendingDeletions PendingDeletions { get; }

    /// <summary>Children's leaving days and the tombstoning of items on the retention schedule.</summary>
    public IRetentionRepository Retention { get; }

    /// <summary>Videos (issue 14): kinds, tracks, video renditions, playback links.</summary>
    public IVideoRepository Videos { get; }

    /// <summary>Opens (creating the folder, file and schema on first use) <c>&lt;dataDirectory&gt;/mediagate.db</c>.</summary>
    public static async Task<MediaGateDatabase> OpenSqliteAsync(string dataDirectory, TimeProvider time, CancellationToken cancellationToken = default)
    {
        // The database holds the children's names and the token signing keys: the folder 0700, the file 0600 before SQLite
        // opens it (its -wal and -shm files take the database file's mode).
        PrivateFiles.CreateFolder(dataDirectory);
        var path = Path.Combine(dataDirectory, SqliteFileName);
        PrivateFiles.CreateFile(path);
        PrivateFiles.Narrow(path + "-wal");
        PrivateFiles.Narrow(path + "-shm");
        return await OpenAsync(SqlStore.Sqlite(path), time, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Opens a PostgreSQL database (an Npgsql connection string) and brings its schema up to date.</summary>
    public static Task<MediaGateDatabase> OpenPostgreSqlAsync(string connectionString, TimeProvider time, CancellationToken cancellationToken = default) =>
        OpenAsync(SqlStore.PostgreSql(connectionString), time, cancellationToken);

    public ValueTask DisposeAsync() => _store.DisposeAsync();

    private static async Task<MediaGateDatabase> OpenAsync(SqlStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(time);
        try
        {
            var applied = await MigrationRunner.ApplyAsync(store, SchemaMigrations.All, time, cancellationToken).ConfigureAwait(false);
            return new MediaGateDatabase(store, applied, time);
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
