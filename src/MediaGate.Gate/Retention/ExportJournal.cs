using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using MediaGate.Consent.Matrix;
using MediaGate.Data;
using MediaGate.Data.Audit;
using MediaGate.Data.Media;
using MediaGate.Gate.Parents;
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
/// are left out (staff may have written other children's names in them); the family's event renditions are in an
/// <c>events</c> folder. Written straight to the response, one rendition in memory at a time. Audited.
/// </summary>
public sealed partial class ExportJournal(
    IAuditLog audit, IChildRepository childrenRepository, IParentMediaRepository parentMedia, IRenditionRepository renditionsRepository,
    IParentChildren parents,
    [FromKeyedServices(StorageServiceCollectionExtensions.RenditionStore)] IObjectStore renditions,
    ILogger<ExportJournal> logger)
{
    /// <summary>
    /// Which files the parent's export holds: every rendition made for this family, as the parent's list shows them
    /// (<see cref="ParentListRule"/>): the journal's, and the events' whose audience names the family (issue 13), each
    /// once. Audited as an "export" by the account.
    /// </summary>
    public async Task<JournalExport> PlanAsync(string accountId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        var children = await parents.ChildrenOfAsync(accountId, cancellationToken).ConfigureAwait(false);
        var files = new List<JournalExportFile>();
        if (children.Count > 0)
        {
            var folders = await FoldersAsync(children, cancellationToken).ConfigureAwait(false);
            var candidates = await parentMedia.CandidatesAsync(children, cancellationToken).ConfigureAwait(false);
            var taken = new HashSet<string>(StringComparer.Ordinal);
            foreach (var candidate in candidates
                .Where(c => c.RenditionId is not null
                    && (c.Purpose == Purpose.Journal || (c.Purpose == Purpose.Events && ParentListRule.EventRenditionIsFor(c.RenditionAudience, c.ChildId))))
                .OrderBy(c => c.TakenAt).ThenBy(c => c.MediaId, StringComparer.Ordinal).ThenBy(c => c.Purpose).ThenBy(c => c.ChildId.Value, StringComparer.Ordinal))
            {
                if (!taken.Add(candidate.RenditionId!))
                {
                    continue; // an event rendition for two of the family's children goes in once
                }

                var rendition = await renditionsRepository.FindByIdAsync(candidate.RenditionId!, cancellationToken).ConfigureAwait(false);
                if (rendition is null || rendition.Purpose != candidate.Purpose)
                {
                    continue; // withdrawn since the list was read
                }

                string folder = folders[candidate.ChildId.Value] + (candidate.Purpose == Purpose.Events ? "/events" : "");
                string name = string.Create(CultureInfo.InvariantCulture,
                    $"{folder}/{candidate.TakenAt.UtcDateTime:yyyy-MM-dd_HHmmss}_{candidate.MediaId[..Math.Min(8, candidate.MediaId.Length)]}.jpg");
                files.Add(new JournalExportFile(name, candidate.MediaId, rendition.ObjectKey));
            }
        }

        await audit.AppendAsync(new AuditEvent(accountId, "export", accountId, JsonSerializer.Serialize(new
        {
            children = children.Select(c => c.Value),
            items = files.Select(f => f.MediaId).Distinct().Count(),
        })), cancellationToken).ConfigureAwait(false);
        return new JournalExport(files);
    }

    /// <summary>
    /// Writes the ZIP to <paramref name="output"/> (not seekable is fine). A rendition withdrawn meanwhile is left out. A
    /// store that fails halfway throws, and nothing more is written, the central directory included (issue 13): the
    /// parent's copy must never look complete when it is not. The caller then aborts the response.
    /// </summary>
    public async Task WriteAsync(JournalExport export, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(export);
        using var zipOutput = new AsyncOnlyOutputStream(output);
        var archive = await ZipArchive.CreateAsync(zipOutput, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: Encoding.UTF8, cancellationToken).ConfigureAwait(false);
        await using (archive.ConfigureAwait(false))
        {
            try
            {
                await WriteEntriesAsync(export, archive, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                // Disposing the archive would write its central directory after the entries so far: a ZIP that opens.
                zipOutput.Abandon();
                LogAbandoned(e, export.Files.Count);
                throw;
            }
        }

        await zipOutput.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task WriteEntriesAsync(JournalExport export, ZipArchive archive, CancellationToken cancellationToken)
    {
        foreach (var file in export.Files)
        {
            byte[]? bytes = ObjectKey.TryParse(file.RenditionKey, out var key)
                ? await StoredObjects.ReadAllAsync(renditions, key, RenditionDownload.MaxBytes, cancellationToken).ConfigureAwait(false)
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

    /// <summary>A folder per own child: the first name made safe for a file name, with a number when two would be the same.</summary>
    private async Task<Dictionary<string, string>> FoldersAsync(IReadOnlyList<Consent.People.ChildId> children, CancellationToken cancellationToken)
    {
        var folders = new Dictionary<string, string>(StringComparer.Ordinal);
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var child in children.OrderBy(c => c.Value, StringComparer.Ordinal))
        {
            var known = await childrenRepository.FindAsync(child, cancellationToken).ConfigureAwait(false);
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Export of {Files} files failed halfway; the response is cut off, never completed")]
    private partial void LogAbandoned(Exception e, int files);

    [LoggerMessage(Level = LogLevel.Information, Message = "Export: the rendition of {Media} was withdrawn meanwhile; left out")]
    private partial void LogWithdrawn(string media);
}
