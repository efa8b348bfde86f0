using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace MediaGate.Service.Tests.NurseryDay;

/// <summary>
/// Plays a nursery day against a running service: each photo is uploaded from a tablet tagged with its children
/// (one child per labelled face, children taken in turn), nobody names a face or decides anything; the tablets'
/// views are polled until every photo is decided; then the manager's review gives the reasons of what stopped, and
/// each released photo's journal rendition for every tagged child's parent is compared on the pixels with the master.
/// </summary>
internal sealed partial class DayPlayer(DayNursery nursery, TimeSpan decideLimit, TimeSpan uploadInterval)
{
    private readonly Stopwatch _clock = new();

    /// <summary>Optional progress lines (stderr in the benchmark).</summary>
    public Action<string>? Progress { get; init; }

    /// <summary>Optional further checks of each released photo's rendition for one tagged family: problems found, if any.</summary>
    public Func<DayResult, FacePixels, IEnumerable<string>>? RenditionChecks { get; init; }

    public async Task<IReadOnlyList<DayResult>> PlayAsync(IReadOnlyList<LabelledPhoto> photos)
    {
        ArgumentNullException.ThrowIfNull(photos);
        var results = new List<DayResult>();
        var perTablet = nursery.Tablets.Select(_ => new List<(DayResult Result, LabelledPhoto Photo)>()).ToList();
        int next = 0;
        for (int i = 0; i < photos.Count; i++)
        {
            var tagged = Enumerable.Range(next, photos[i].Faces.Count).Select(k => k % nursery.Children.Count).ToList();
            next += photos[i].Faces.Count;
            var result = new DayResult { Photo = photos[i], Tagged = tagged };
            results.Add(result);
            perTablet[i % perTablet.Count].Add((result, photos[i]));
        }

        _clock.Start();
        var live = new List<DayResult>();
        var uploads = Task.WhenAll(perTablet.Select((list, t) => UploadAllAsync(nursery.Tablets[t], list, live)));
        await WatchAsync(results, live, uploads);
        await uploads;
        await ReadReasonsAsync(results);
        foreach (var result in results.Where(r => r.Released))
        {
            await CheckPixelsAsync(result);
        }

        return results;
    }

    private async Task UploadAllAsync(ApiClient tablet, List<(DayResult Result, LabelledPhoto Photo)> list, List<DayResult> live)
    {
        for (int k = 0; k < list.Count; k++)
        {
            if (k > 0 && uploadInterval > TimeSpan.Zero)
            {
                await Task.Delay(uploadInterval);
            }

            var (result, photo) = list[k];
            result.Sent = _clock.Elapsed;
            try
            {
                var receipt = await tablet.UploadAsync(
                    [UploadFile.FromPath(photo.FullPath)], result.Tagged.Select(i => nursery.Children[i].ChildId).ToList(), "day: " + photo.RelativePath);
                result.ObservationId = receipt.ObservationId;
                result.MediaId = receipt.Items.Single().MediaId;
            }
            catch (Exception e) when (e is ApiException or HttpRequestException or TaskCanceledException)
            {
                result.UploadError = e.Message.Split('\n')[0];
            }

            lock (live)
            {
                live.Add(result);
            }
        }
    }

    /// <summary>Polls the oldest undecided photos' observations (a few per round, so the polling does not load the service).</summary>
    private async Task WatchAsync(List<DayResult> all, List<DayResult> live, Task uploads)
    {
        var limit = Stopwatch.StartNew();
        int decided = 0;
        while (limit.Elapsed < decideLimit)
        {
            List<DayResult> pending;
            lock (live)
            {
                pending = live.Where(r => r.MediaId is not null && r.Status is null).OrderBy(r => r.Sent).Take(6).ToList();
            }

            if (pending.Count == 0 && uploads.IsCompleted)
            {
                return;
            }

            foreach (var result in pending)
            {
                var tablet = nursery.Tablets[all.IndexOf(result) % nursery.Tablets.Count];
                try
                {
                    var item = await DayItem.ReadAsync(tablet, result.ObservationId!);
                    if (item is not null && item.Status != "processing")
                    {
                        result.Status = item.Status;
                        result.Faces = item.Faces;
                        result.Decided = _clock.Elapsed;
                        Progress?.Invoke($"day: {++decided}/{all.Count} {item.Status} {result.Photo.RelativePath}");
                    }
                }
                catch (Exception e) when (e is ApiException or HttpRequestException or TaskCanceledException)
                {
                    Progress?.Invoke("day: poll failed: " + e.Message.Split('\n')[0]);
                }
            }

            await Task.Delay(250);
        }
    }

    private async Task ReadReasonsAsync(List<DayResult> results)
    {
        var queue = JsonShapes.ArrayOf(await nursery.Manager.GetJsonAsync<JsonElement>("/api/manager/review?limit=500"), "items")
            .ToDictionary(i => i.GetProperty("mediaId").GetString()!, StringComparer.Ordinal);
        foreach (var result in results.Where(r => r.Status is not null and not "released"))
        {
            if (!queue.TryGetValue(result.MediaId!, out var item))
            {
                result.Reasons = ["(not in the manager's review)"];
                continue;
            }

            var reasons = new SortedSet<string>(StringComparer.Ordinal);
            if (item.TryGetProperty("decisions", out var decisions) && decisions.ValueKind == JsonValueKind.Array)
            {
                foreach (var decision in decisions.EnumerateArray().Where(d => JsonShapes.Text(d, "purpose") == "journal" && JsonShapes.Text(d, "verdict") != "release"))
                {
                    foreach (var reason in decision.GetProperty("reasons").EnumerateArray().Where(r => JsonShapes.Text(r, "effect") is "hold" or "block"))
                    {
                        reasons.Add(Number().Replace(JsonShapes.Text(reason, "message"), "#"));
                    }
                }
            }

            if (reasons.Count == 0)
            {
                reasons.Add(JsonShapes.Text(item, "statusDetail") is { Length: > 0 } detail ? Number().Replace(detail, "#") : "(no reason given)");
            }

            result.Reasons = reasons.ToList();
        }
    }

    /// <summary>Every labelled face must be shown as in the master in each tagged child's parent's journal rendition.</summary>
    private async Task CheckPixelsAsync(DayResult result)
    {
        var master = await nursery.Manager.GetMasterAsync(result.MediaId!);
        var labelled = result.Photo.Faces.Select(View).ToList();
        var excluded = labelled.Concat(result.Faces.Select(f => View(f.Box))).ToList();
        foreach (var child in result.Tagged.Distinct())
        {
            using var response = await nursery.Children[child].Parent.ParentImageAsync(result.MediaId!);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                result.PixelProblems.Add($"parent of child {child}: journal image answered {(int)response.StatusCode}");
                continue;
            }

            var pixels = new FacePixels(master, await response.Content.ReadAsByteArrayAsync(), excluded);
            foreach (var face in labelled)
            {
                if (!Shown(pixels, face))
                {
                    result.PixelProblems.Add($"parent of child {child}: labelled {Describe(pixels, face)}");
                }
            }

            if (RenditionChecks is not null)
            {
                result.RuleProblems.AddRange(RenditionChecks(result, pixels).Select(p => $"parent of child {child}: {p}"));
            }

            foreach (var face in result.Faces.Where(f => f.ChildId is null && !result.Photo.Faces.Any(l => Overlaps(l, f.Box))))
            {
                if (Shown(pixels, View(face.Box)))
                {
                    result.ShownUnassigned.Add($"parent of child {child}: unassigned detection (score {face.Score:0.00}{(face.Faint ? ", faint" : "")}) at {face.X:0},{face.Y:0} {face.W:0}x{face.H:0}");
                }
            }
        }
    }

    private static bool Shown(FacePixels pixels, FaceView face)
    {
        try
        {
            return pixels.IsShown(face);
        }
        catch (ArgumentException)
        {
            return false; // too small to compare at the rendition's size: not counted as shown
        }
    }

    private static string Describe(FacePixels pixels, FaceView face)
    {
        try
        {
            return pixels.Describe(face);
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }

    /// <summary>The centre of one box inside the other.</summary>
    public static bool Overlaps(PixelBox a, PixelBox b) =>
        a.Contains(b.X + (b.W / 2), b.Y + (b.H / 2)) || b.Contains(a.X + (a.W / 2), a.Y + (a.H / 2));

    public static FaceView View(PixelBox box) => new(default, box.X, box.Y, box.W, box.H, double.NaN, null);

    [GeneratedRegex(@"\d+")]
    private static partial Regex Number();
}
