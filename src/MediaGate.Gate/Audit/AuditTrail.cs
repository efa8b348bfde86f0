using System.Runtime.CompilerServices;
using System.Text.Json;
using MediaGate.Data;
using MediaGate.Data.Audit;
using MediaGate.Data.Events;
using MediaGate.Data.Identity;
using MediaGate.Data.Media;
using MediaGate.Gate.Outcomes;

namespace MediaGate.Gate.Audit;

/// <summary>
/// The manager's audit log (README, Audit): pages of entries by period, action and actor, the whole log for an export
/// (audited first, read page by page so a long log is never held in memory), the check of its keyed hash chain and its
/// signed head (kept outside the database, checked later with <c>mediagate audit verify --head FILE</c>).
/// </summary>
public sealed class AuditTrail(
    IAuditLog audit, IAccountRepository accounts, IChildRepository children, IDeviceRepository devices, IEventRepository events, IVideoRepository videos)
{
    /// <summary>Entries per page unless asked otherwise, and per read of an export.</summary>
    public const int DefaultPage = 1000;

    /// <summary>The most entries one page holds.</summary>
    public const int MaxPage = 10_000;

    /// <summary>
    /// Entries in the filter's period after the sequence <paramref name="after"/> and before <paramref name="before"/>,
    /// oldest first, or newest first when <paramref name="order"/> is <c>newest</c> (the next older page is then before the
    /// last sequence returned).
    /// </summary>
    public async Task<GateOutcome<AuditPage>> ReadAsync(
        AuditFilter filter, long? after, long? before, int? limit, string? order, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (Problem(filter) is { } problem)
        {
            return problem;
        }

        if (limit is < 1 or > MaxPage || after is < 0 || before is < 1 || order is not (null or "oldest" or "newest"))
        {
            return GateProblem.Invalid(
                "Invalid page.",
                $"'limit' is 1 to {MaxPage}; 'after' is a sequence number (0 or more), 'before' one of 1 or more; 'order' is 'oldest' or 'newest'.");
        }

        var query = Query(filter) with { AfterSequence = after ?? 0, BeforeSequence = before, NewestFirst = order == "newest" };
        var entries = await audit.ReadPageAsync(query, limit ?? DefaultPage, cancellationToken).ConfigureAwait(false);
        return await PageAsync(entries, await NamesAsync(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Audits an export of the filter's entries by <paramref name="actor"/>; the export holds the entries before that one.</summary>
    public async Task<GateOutcome<AuditExport>> BeginExportAsync(AuditFilter filter, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (Problem(filter) is { } problem)
        {
            return problem;
        }

        string detail = JsonSerializer.Serialize(new { from = filter.From, to = filter.To, action = filter.Action, actor = filter.Actor });
        var marker = await audit.AppendAsync(new AuditEvent(actor, "export", "audit.csv", detail), cancellationToken).ConfigureAwait(false);
        return new AuditExport(filter, marker);
    }

    /// <summary>The export's entries, oldest first, a page at a time, each page with the names its entries' ids stand for.</summary>
    public async IAsyncEnumerable<AuditPage> PagesAsync(AuditExport export, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(export);
        var names = await NamesAsync(cancellationToken).ConfigureAwait(false);
        var query = Query(export.Filter);
        while (true)
        {
            var page = await audit.ReadPageAsync(query, DefaultPage, cancellationToken).ConfigureAwait(false);
            var before = page.TakeWhile(e => e.Sequence < export.Marker.Sequence).ToArray();
            if (before.Length > 0)
            {
                yield return await PageAsync(before, names, cancellationToken).ConfigureAwait(false);
            }

            if (page.Count < DefaultPage || page[^1].Sequence >= export.Marker.Sequence)
            {
                yield break;
            }

            query = query with { AfterSequence = page[^1].Sequence };
        }
    }

    /// <summary>The names the entries' ids stand for: accounts, children, tablets and events (the videos are a page's own: <see cref="PageAsync"/>).</summary>
    private async Task<AuditNames> NamesAsync(CancellationToken cancellationToken)
    {
        var accountList = await accounts.ListAsync(cancellationToken).ConfigureAwait(false);
        var childList = await children.ListAsync(cancellationToken).ConfigureAwait(false);
        var deviceList = await devices.ListAsync(cancellationToken).ConfigureAwait(false);
        var eventList = await events.ListAsync(cancellationToken).ConfigureAwait(false);
        return new(
            accountList.ToDictionary(a => a.Id, a => a.Username, StringComparer.Ordinal),
            childList.ToDictionary(c => c.Id.Value, c => c.Name, StringComparer.Ordinal),
            deviceList.ToDictionary(d => d.Id, d => d.Name, StringComparer.Ordinal),
            eventList.ToDictionary(e => e.Id, e => e.Name, StringComparer.Ordinal),
            new HashSet<string>(StringComparer.Ordinal));
    }

    /// <summary>The entries with <paramref name="names"/> and which of the items they name are videos (read from the items' stored kind).</summary>
    private async Task<AuditPage> PageAsync(IReadOnlyList<AuditEntry> entries, AuditNames names, CancellationToken cancellationToken)
    {
        var mediaIds = entries.SelectMany(MediaIdsOf).Where(Identifiers.IsGenerated).ToHashSet(StringComparer.Ordinal);
        var videoIds = mediaIds.Count == 0 ? new HashSet<string>(StringComparer.Ordinal) : await videos.VideosAmongAsync(mediaIds, cancellationToken).ConfigureAwait(false);
        return new AuditPage(entries, names with { Videos = videoIds });
    }

    /// <summary>The ids an entry may name an item by: its subject, and an upload's items (<c>{"items": [{"mediaId"}]}</c>).</summary>
    private static IEnumerable<string> MediaIdsOf(AuditEntry entry)
    {
        yield return entry.Subject;
        if (entry.Action != "upload" || entry.Detail is null)
        {
            yield break;
        }

        foreach (var id in UploadedIds(entry.Detail))
        {
            yield return id;
        }
    }

    private static IReadOnlyList<string> UploadedIds(string detail)
    {
        try
        {
            using var document = JsonDocument.Parse(detail);
            return document.RootElement is { ValueKind: JsonValueKind.Object } root && root.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array
                ? items.EnumerateArray()
                    .Where(i => i.ValueKind == JsonValueKind.Object && i.TryGetProperty("mediaId", out var id) && id.ValueKind == JsonValueKind.String)
                    .Select(i => i.GetProperty("mediaId").GetString()!)
                    .ToArray()
                : [];
        }
        catch (JsonException)
        {
            return []; // a detail that is not JSON names no item: its sentence says "photo", as before kinds were read
        }
    }

    /// <summary>Walks the keyed hash chain and names the first broken link, if any.</summary>
    public Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default) => audit.VerifyAsync(cancellationToken);

    /// <summary>The chain's newest entry, signed with a key derived from the master key; the export is audited first, so the head includes it.</summary>
    public async Task<GateOutcome<AuditHead>> SignHeadAsync(string actor, CancellationToken cancellationToken = default)
    {
        await audit.AppendAsync(new AuditEvent(actor, "audit-head-exported", "audit", null), cancellationToken).ConfigureAwait(false);
        return await audit.SignHeadAsync(cancellationToken).ConfigureAwait(false) is { } head
            ? head
            : new GateProblem(GateProblemKind.Unavailable, "No master key is configured, so the head cannot be signed.");
    }

    private static AuditQuery Query(AuditFilter filter) => new(filter.From, filter.To, filter.Action, filter.Actor);

    /// <summary>The filter's problem, or null: an empty period, or a filter too long or holding control characters.</summary>
    private static GateProblem? Problem(AuditFilter filter)
    {
        if (filter.From is { } start && filter.To is { } end && end < start)
        {
            return GateProblem.Invalid("The period is empty.", "'to' is before 'from'.");
        }

        // PostgreSQL refuses U+0000 in a query's text: refused here rather than failing there.
        bool Bad(string? text) => text is not null && (text.Length > Identifiers.MaxLength || text.Any(char.IsControl));
        return Bad(filter.Action) || Bad(filter.Actor)
            ? GateProblem.Invalid("Invalid filter.", $"'action' and 'actor' are at most {Identifiers.MaxLength} characters, no control characters.")
            : null;
    }
}
