using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using MediaGate.Consent.Matrix;
using MediaGate.Data;
using MediaGate.Data.Audit;
using MediaGate.Gate.Renditions;
using MediaGate.Storage;
using MediaGate.Storage.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MediaGate.Gate.Retention;

/// <summary>
/// A parent's export of their own children's journal before the retention schedule deletes it (product.md: "with a
/// grace period and an export for the parents"): a ZIP of exactly the renditions made for this parent, the same files
/// <c>GET /api/parent/media/{id}/image</c> serves, so other children stay masked as they are there. Entry names hold
/// the parent's own child's first name, a date and a short id, never another child's name; the observations' notes
/// are left out (staff may have written other children's names in them). Written straight to the response, one
/// rendition in memory at a time. Audited.
/// </summary>
public sealed partial class ExportJournal(
    MediaGateDatabase database,
    IParentChildren parents,
    [FromKeyedServices(StorageServiceCollectionExtensions.RenditionStore)] IObjectStore renditions,
    ILogger<ExportJournal> logger)
{
    /// <summary>Renditions are at most 2048 px JPEGs; anything larger in the store is left out.</summary>
    private const long MaxRenditionBytes = 32L * 1024 * 1024;

    /// <summary>Which files the parent's export holds; audited as an "export" by the account.</summary>
    public async Task<JournalExport> PlanAsync(string accountId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        var children = await parents.ChildrenOfAsync(accountId, cancellationToken).ConfigureAwait(false);
        var files = new List<JournalExportFile>();
        if (children.Count > 0)
        {
            var folders = await FoldersAsync(children, cancellationToken).ConfigureAwait(false);
            var journal = await database.Media.JournalOfAsync(children, cancellationToken).ConfigureAwait(false);
            foreach (var entry in journal.OrderBy(e => e.TakenAt).ThenBy(e => e.MediaId, StringComparer.Ordinal))
            {
                var rendition = await database.Renditions.FindByIdAsync(entry.RenditionId, cancellationToken).ConfigureAwait(false);
                if (rendition is null || rendition.Purpose != Purpose.Journal)
                {
                    continue; // withdrawn since the list was read
                }

                string name = string.Create(CultureInfo.InvariantCulture,
                    $"{folders[entry.ChildId.Value]}/{entry.TakenAt.UtcDateTime:yyyy-MM-dd_HHmmss}_{entry.MediaId[..Math.Min(8, entry.MediaId.Length)]}.jpg");
                files.Add(new JournalExportFile(name, entry.MediaId, rendition.ObjectKey));
            }
        }

        await database.Audit.AppendAsync(new AuditEvent(accountId, "export", accountId, JsonSerializer.Serialize(new
        {
            children = children.Select(c => c.Value),
            items = files.Select(f => f.MediaId).Distinct().Count(),
        })), cancellationToken).ConfigureAwait(false);
        return new JournalExport(files);
    }

    /// <summary>Writes the ZIP to <paramref name="output"/> (not seekable is fine). A rendition withdrawn meanwhile is left out.</summary>
    public async Task WriteAsync(JournalExport export, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(export);
        // The archive writes some records synchronously, which an HTTP response refuses: they are buffered and sent asynchronously.
        var forward = new AsyncOnlyOutputStream(output);
        await using var forwardScope = forward.ConfigureAwait(false);
        var archive = await ZipArchive.CreateAsync(forward, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: Encoding.UTF8, cancellationToken).ConfigureAwait(false);
        await using (archive.ConfigureAwait(false))
        {
            foreach (var file in export.Files)
            {
                byte[]? bytes = ObjectKey.TryParse(file.RenditionKey, out var key)
                    ? await StoredObjects.ReadAllAsync(renditions, key, MaxRenditionBytes, cancellationToken).ConfigureAwait(false)
                    : null;
                if (bytes is null)
                {
                    LogWithdrawn(file.MediaId);
                    continue;
                }

                // JPEGs do not shrink: stored, not deflated.
                var entry = archive.CreateEntry(file.EntryName, CompressionLevel.NoCompression);
                var content = await entry.OpenAsync(cancellationToken).ConfigureAwait(false);
                await using (content.ConfigureAwait(false))
                {
                    await content.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        await forward.FlushPendingAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A folder per own child: the first name made safe for a file name, with a number when two would be the same.</summary>
    private async Task<Dictionary<string, string>> FoldersAsync(IReadOnlyList<Consent.People.ChildId> children, CancellationToken cancellationToken)
    {
        var folders = new Dictionary<string, string>(StringComparer.Ordinal);
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var child in children.OrderBy(c => c.Value, StringComparer.Ordinal))
        {
            var known = await database.Children.FindAsync(child, cancellationToken).ConfigureAwait(false);
            string first = (known?.Name ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
            string safe = new string(first.Where(char.IsLetterOrDigit).Take(40).ToArray()) is { Length: > 0 } s ? s : "child";
            string folder = safe;
            for (int n = 2; !taken.Add(folder); n++)
            {
                folder = string.Create(CultureInfo.InvariantCulture, $"{safe}-{n}");
            }

            folders[child.Value] = folder;
        }

        return folders;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Export: the rendition of {Media} was withdrawn meanwhile; left out")]
    private partial void LogWithdrawn(string media);
}
