using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace MediaGate.Load;

/// <summary>
/// issue 7's load run: N tablets (each a registered device with its own staff member and child) upload large photos
/// at once to one embedded node; each child's parent polls the journal, and the time from sending an upload to the
/// parent seeing it is recorded. Prints the results as a Markdown table.
/// </summary>
internal sealed class LoadRun(LoadOptions options)
{
    private readonly Stopwatch _clock = new();

    public async Task<int> RunAsync()
    {
        var folder = ServiceSettings.NewWorkFolder("load");
        try
        {
            List<string> photos;
            if (options.SmallPhotos)
            {
                photos = [.. SmallPhotos.Pick(options.Tablets)];
            }
            else
            {
                Console.Error.WriteLine($"load: making {options.Tablets} photos of {options.Megapixels} MP in {folder}");
                photos = Enumerable.Range(0, options.Tablets).AsParallel().AsOrdered().WithDegreeOfParallelism(2)
                    .Select(i => LargePhotos.Make(folder, i, options.Megapixels)).ToList();
            }

            var settings = ServiceSettings.Embedded(folder, "load", MediaGate.Testing.TestPaths.SharedModels);

            // The harness picks workstation GC for the many small test services; the node under load runs as configured.
            settings.With("DOTNET_gcServer", ConfiguredServerGc(ServiceProcess.ServiceDll) ? "1" : "0");
            if (options.Workers is int workers)
            {
                settings.With("MEDIAGATE_Gate__WorkerCount", workers.ToString(CultureInfo.InvariantCulture));
            }

            Console.Error.WriteLine("load: starting mediagate serve (SQLite + folder stores)");
            await using var service = await ServiceProcess.StartAsync(settings);
            Console.Error.WriteLine($"load: ready at {service.Address}, log {service.LogPath}; setting up {options.Tablets} tablets");
            var tablets = await SetUpAsync(service.Address);
            await WarmUpAsync(tablets[0], photos);
            var records = new ConcurrentBag<UploadRecord>();
            Console.Error.WriteLine($"load: {options.Tablets} tablets x {options.UploadsPerTablet} uploads");
            var clip = options.ClipSeconds > 0 ? ClipAlongside.Make(folder, options.ClipSeconds) : null;
            using var sampling = new CancellationTokenSource();
            var sampler = clip?.SampleAsync(service.ProcessId, sampling.Token) ?? Task.CompletedTask;
            var cpuBefore = ServerCpuSeconds(service.ProcessId);
            var toolsBefore = ClipAlongside.ChildCpuSeconds(service.ProcessId);
            _clock.Start();
            var clipRun = clip?.RunAsync(tablets[0].Tablet, tablets[0].ChildId, _clock, options.VisibleLimit) ?? Task.CompletedTask;
            await Task.WhenAll(tablets.Select((t, i) => TabletAsync(i, t, UploadFile.FromPath(photos[i]), records)));
            var wall = _clock.Elapsed;
            await clipRun;
            await sampling.CancelAsync();
            await sampler;
            foreach (var record in records.Where(r => r.ObservationId is not null))
            {
                try
                {
                    record.Status = (await tablets[record.Tablet].Tablet.ObservationAsync(record.ObservationId!)).FirstOrDefault()?.Status;
                }
                catch (ApiException e)
                {
                    record.Status = "unreadable: " + e.Status;
                }
            }

            var peak = service.PeakResidentBytes();
            var cpu = ServerCpuSeconds(service.ProcessId) - cpuBefore;
            var toolsCpu = ClipAlongside.ChildCpuSeconds(service.ProcessId) - toolsBefore;
            // Tablet 0's own observation: staff read what was taken on their tablet (StaffReadRule), another's is 404.
            var polls = await PollCostAsync(service.ProcessId, tablets[0], records.FirstOrDefault(r => r.ObservationId is not null && r.Tablet == 0)?.ObservationId);
            Report(records.ToList(), photos, wall, peak, cpu, service);
            Console.WriteLine(polls);
            if (clip is not null)
            {
                var c = CultureInfo.InvariantCulture;
                Console.WriteLine($"clip alongside: {clip.Seconds} s of 1080p30 ({(new FileInfo(clip.Path).Length / 1e6).ToString("0.0", c)} MB), " +
                    $"acknowledged after {clip.Acknowledged?.TotalSeconds.ToString("0.00", c) ?? "n/a"} s, decided ({clip.Status ?? clip.Error ?? "not decided"}{(clip.Faces is { } faces ? $", {faces} faces listed to the tablet" : "")}) " +
                    $"{clip.Decided?.TotalSeconds.ToString("0.0", c) ?? "n/a"} s after its upload began; peak resident memory of the server and its " +
                    $"ffmpeg/ffprobe processes together (sampled every 100 ms): {(clip.PeakTreeBytes / (1024.0 * 1024)).ToString("0", c)} MiB " +
                    $"(RSS summed; as PSS, pages the processes share counted once: {(clip.PeakTreeProportionalBytes / (1024.0 * 1024)).ToString("0", c)} MiB: {clip.PeakComposition} MiB); " +
                    $"CPU of the ffmpeg/ffprobe runs the server waited for (cutime + cstime, not in the server's own CPU above): " +
                    $"{toolsCpu?.ToString("0.0", c) ?? "n/a"} s");
            }
            if (clip is not null && !options.ClipNotNamed)
            {
                // Measured apart from the run above, after it: naming the clip's faces and the family copy that follows.
                var c = CultureInfo.InvariantCulture;
                await clip.NameAndWaitForFamilyCopyAsync(
                    tablets[0].Tablet, tablets[0].Parent, tablets[0].ChildId,
                    () => (ServerCpuSeconds(service.ProcessId), ClipAlongside.ChildCpuSeconds(service.ProcessId)), options.VisibleLimit);
                Console.WriteLine(clip.FamilyProblem is { } problem
                    ? $"clip's family copy: not measured ({problem})"
                    : $"clip's family copy (largest face named as the child, the others as not in the setting): served to the parent " +
                      $"{clip.FamilyCopy!.Value.TotalSeconds.ToString("0.0", c)} s after the names were sent; server CPU {clip.FamilyServerCpu?.ToString("0.0", c) ?? "n/a"} s, " +
                      $"ffmpeg/ffprobe CPU {clip.FamilyToolsCpu?.ToString("0.0", c) ?? "n/a"} s: " +
                      $"{((clip.FamilyServerCpu + clip.FamilyToolsCpu) / clip.Seconds)?.ToString("0.00", c) ?? "n/a"} CPU s per second of clip");
            }

            foreach (var tablet in tablets)
            {
                tablet.Tablet.Dispose();
                tablet.Parent.Dispose();
            }

            return 0;
        }
        finally
        {
            if (!options.KeepFolder)
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private async Task<List<(ApiClient Tablet, ApiClient Parent, string ChildId)>> SetUpAsync(Uri address)
    {
        using var manager = await ApiClient.SignInAsync(address, ServiceSettings.ManagerUsername, ServiceSettings.ManagerPassword);
        var tablets = new List<(ApiClient, ApiClient, string)>();
        for (int i = 0; i < options.Tablets; i++)
        {
            var child = await manager.CreateChildAsync($"Load child {i}", "Room " + (i % 4));
            await manager.SetConsentAsync(child, "journal", granted: true);
            var parentName = $"load-parent-{i}";
            await manager.CreateParentAsync(parentName, "Load-Parent-Passphrase-" + i, child);
            await manager.CreateStaffAsync($"load-staff-{i}", "731" + (100 + i).ToString(CultureInfo.InvariantCulture));
            var device = await manager.RegisterDeviceAsync($"load tablet {i}");
            var tablet = await ApiClient.SignInTabletAsync(address, device, $"load-staff-{i}", "731" + (100 + i).ToString(CultureInfo.InvariantCulture));
            var parent = await ApiClient.SignInAsync(address, parentName, "Load-Parent-Passphrase-" + i);
            tablets.Add((tablet, parent, child));
        }

        return tablets;
    }

    /// <summary>
    /// <c>--warm-up N</c>: a node that has been running for a while, as a nursery's is by mid-morning. Tablet 0 uploads N of
    /// the run's photos one at a time and waits for each to be decided; none of it is counted in the report.
    /// </summary>
    private async Task WarmUpAsync((ApiClient Tablet, ApiClient Parent, string ChildId) tablet, List<string> photos)
    {
        for (int i = 0; i < options.WarmUp; i++)
        {
            var receipt = await tablet.Tablet.UploadAsync([UploadFile.FromPath(photos[i % photos.Count])], [tablet.ChildId], $"warm-up {i}", Guid.NewGuid().ToString("N"));
            var waited = Stopwatch.StartNew();
            while ((await tablet.Tablet.ObservationAsync(receipt.ObservationId)).FirstOrDefault()?.Status is null or "processing")
            {
                if (waited.Elapsed > options.VisibleLimit)
                {
                    throw new TimeoutException($"warm-up photo {i} was not decided within {options.VisibleLimit}");
                }

                await Task.Delay(100);
            }
        }

        Console.Error.WriteLine($"load: warmed up with {options.WarmUp} photo(s)");
    }

    /// <summary>One tablet: its uploads one after another, while its child's parent watches the journal.</summary>
    private async Task TabletAsync(int index, (ApiClient Tablet, ApiClient Parent, string ChildId) tablet, UploadFile photo, ConcurrentBag<UploadRecord> records)
    {
        var mine = new List<UploadRecord>();
        using var uploadsDone = new CancellationTokenSource();
        var watching = WatchAsync(tablet.Tablet, tablet.Parent, mine, uploadsDone.Token);
        for (int k = 0; k < options.UploadsPerTablet; k++)
        {
            var record = new UploadRecord { Tablet = index, Sent = _clock.Elapsed };
            try
            {
                var receipt = await tablet.Tablet.UploadAsync([photo], [tablet.ChildId], $"load {index}/{k}", Guid.NewGuid().ToString("N"));
                record.Acknowledged = _clock.Elapsed;
                record.ObservationId = receipt.ObservationId;
                record.MediaId = receipt.Items.Single().MediaId;
            }
            catch (Exception e) when (e is ApiException or HttpRequestException or TaskCanceledException)
            {
                record.Error = e.Message.Split('\n')[0];
            }

            lock (mine)
            {
                mine.Add(record);
            }

            records.Add(record);
        }

        await uploadsDone.CancelAsync();
        await watching;
    }

    /// <summary>
    /// Polls the parent's journal every 250 ms and notes when each acknowledged upload first appears. Every 2 s it
    /// also asks the tablet for the items still awaited: one the worker decided but did not release (held,
    /// needs-assignment, blocked, failed) will not appear without a person, so it is no longer waited for.
    /// </summary>
    private async Task WatchAsync(ApiClient tablet, ApiClient parent, List<UploadRecord> uploads, CancellationToken uploadsDone)
    {
        var limit = Stopwatch.StartNew();
        for (int round = 0; limit.Elapsed < options.VisibleLimit; round++)
        {
            List<UploadRecord> waiting;
            lock (uploads)
            {
                waiting = uploads.Where(u => u.MediaId is not null && u.Visible is null && u.Status is null).ToList();
                if (waiting.Count == 0 && uploadsDone.IsCancellationRequested && uploads.Count == options.UploadsPerTablet)
                {
                    return;
                }
            }

            if (waiting.Count > 0)
            {
                try
                {
                    // Small photos are decided within seconds: their status is read every round (500 ms), not every 2 s,
                    // and the parent's journal only once one of them is released (fewer requests competing with the worker).
                    if (options.SmallPhotos || round % 8 == 7)
                    {
                        foreach (var upload in waiting.Where(u => u.Decided is null || (!options.SmallPhotos && u.Visible is null)))
                        {
                            var status = (await tablet.ObservationAsync(upload.ObservationId!)).FirstOrDefault()?.Status;
                            if (status is not (null or "processing"))
                            {
                                upload.Decided ??= _clock.Elapsed;
                            }

                            if (status is not (null or "processing" or "released"))
                            {
                                upload.Status = status;
                            }
                        }
                    }

                    if (!options.SmallPhotos || waiting.Any(u => u.Decided is not null && u.Status is null))
                    {
                        // Visible = its photo released to the parent (the list also shows items still being checked, without a photo).
                        var seen = (await parent.ReleasedParentMediaAsync()).Select(m => m.MediaId).ToHashSet();
                        var now = _clock.Elapsed;
                        foreach (var upload in waiting.Where(u => u.Status is null && seen.Contains(u.MediaId!)))
                        {
                            upload.Visible = now;
                            upload.Decided ??= now;
                        }
                    }
                }
                catch (Exception e) when (e is ApiException or HttpRequestException or TaskCanceledException)
                {
                    Console.Error.WriteLine("load: parent poll failed: " + e.Message.Split('\n')[0]);
                }
            }

            // Small photos: every 500 ms, so that 20 watchers' requests take little of the 2 cores the worker needs.
            await Task.Delay(options.SmallPhotos ? 500 : 250, CancellationToken.None);
        }
    }

    /// <summary>
    /// What one poll costs the server, measured after the run on the idle service: the server's CPU over
    /// <see cref="PollsMeasured"/> sequential polls of each kind the run makes (a tablet's observation, a parent's journal).
    /// </summary>
    private static async Task<string> PollCostAsync(int processId, (ApiClient Tablet, ApiClient Parent, string ChildId) tablet, string? observationId)
    {
        if (observationId is null)
        {
            return "server CPU per poll: n/a (no upload acknowledged)";
        }

        await Task.Delay(TimeSpan.FromSeconds(1));
        var before = ServerCpuSeconds(processId);
        for (int i = 0; i < PollsMeasured; i++)
        {
            await tablet.Tablet.ObservationAsync(observationId);
        }

        var observation = ServerCpuSeconds(processId);
        for (int i = 0; i < PollsMeasured; i++)
        {
            await tablet.Parent.ParentMediaAsync();
        }

        var journal = ServerCpuSeconds(processId);
        var c = CultureInfo.InvariantCulture;
        return $"server CPU per poll (after the run, {PollsMeasured} sequential polls each): tablet observation " +
            $"{((observation - before) * 1000 / PollsMeasured)?.ToString("0.00", c) ?? "n/a"} ms, parent journal " +
            $"{((journal - observation) * 1000 / PollsMeasured)?.ToString("0.00", c) ?? "n/a"} ms";
    }

    private const int PollsMeasured = 200;

    /// <summary>Whether the service's runtimeconfig (beside its dll) asks for server GC, as a plain start would run it.</summary>
    private static bool ConfiguredServerGc(string serviceDll)
    {
        var config = Path.ChangeExtension(serviceDll, ".runtimeconfig.json");
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(config));
        return document.RootElement.GetProperty("runtimeOptions").TryGetProperty("configProperties", out var properties)
            && properties.TryGetProperty("System.GC.Server", out var server) && server.ValueKind == System.Text.Json.JsonValueKind.True;
    }

    /// <summary>CPU seconds (user + system) the server used so far, from /proc/PID/stat; null when it cannot be read.</summary>
    private static double? ServerCpuSeconds(int processId)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{processId}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // Fields 14 and 15 of stat (utime, stime) are the 12th and 13th after the command name, in clock ticks of 1/100 s.
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private void Report(List<UploadRecord> records, List<string> photos, TimeSpan wall, long? peak, double? cpu, ServiceProcess service)
    {
        var acknowledged = records.Where(r => r.Acknowledged is not null).ToList();
        var visible = acknowledged.Where(r => r.Visible is not null).Select(r => (r.Visible!.Value - r.Sent).TotalSeconds).Order().ToList();
        var acks = acknowledged.Select(r => (r.Acknowledged!.Value - r.Sent).TotalSeconds).Order().ToList();
        var decided = acknowledged.Where(r => r.Decided is not null).Select(r => (r.Decided!.Value - r.Sent).TotalSeconds).Order().ToList();
        var statuses = records.Where(r => r.Status is not null).GroupBy(r => r.Status!).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}");
        int released = records.Count(r => r.Status == "released");
        double averageMb = photos.Average(p => new FileInfo(p).Length) / 1e6;
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine();
        string what = options.SmallPhotos ? "faces-dev photos of about 1 MP" : $"{options.Megapixels:0.#} MP JPEGs";
        Console.WriteLine($"Load run: {options.Tablets} tablets x {options.UploadsPerTablet} uploads of {what} (avg {averageMb.ToString("0.00", c)} MB) against one node (SQLite + folders), {Environment.ProcessorCount} cores" +
            (options.WarmUp > 0 ? $"; the node had decided {options.WarmUp} photo(s) before the run" : "; the node had just started"));
        Console.WriteLine();
        Console.WriteLine("| measure | value |");
        Console.WriteLine("|---|---|");
        Console.WriteLine($"| uploads acknowledged (202) | {acknowledged.Count} of {records.Count} |");
        Console.WriteLine($"| upload errors | {records.Count(r => r.Error is not null)} |");
        Console.WriteLine($"| acknowledgement p50 / p95 | {Percentile(acks, 0.5)} / {Percentile(acks, 0.95)} |");
        Console.WriteLine($"| upload to decision p50 / p95 / max ({decided.Count} decided) | {Percentile(decided, 0.5)} / {Percentile(decided, 0.95)} / {Percentile(decided, 1)} |");
        Console.WriteLine($"| upload to parent-visible p50 / p95 / max | {Percentile(visible, 0.5)} / {Percentile(visible, 0.95)} / {Percentile(visible, 1)} |");
        Console.WriteLine($"| not parent-visible (decided otherwise, or not within {options.VisibleLimit.TotalSeconds.ToString(c)} s) | {acknowledged.Count - visible.Count} |");
        Console.WriteLine($"| item statuses | {string.Join(", ", statuses)} |");
        Console.WriteLine($"| decided without the manager | {released} of {records.Count} ({(records.Count == 0 ? 0 : released * 100 / records.Count)}%) |");
        Console.WriteLine($"| server peak RSS (VmHWM) | {(peak is long p ? (p / (1024.0 * 1024)).ToString("0", c) + " MiB" : "n/a")} |");
        Console.WriteLine($"| server CPU seconds during the run (user + system) | {(cpu is double seconds ? seconds.ToString("0.0", c) : "n/a")} |");
        Console.WriteLine($"| wall time (first upload to the last item seen or decided) | {wall.TotalSeconds.ToString("0.0", c)} s |");
        Console.WriteLine($"| load average at the end (1 / 5 / 15 min) | {File.ReadAllText("/proc/loadavg").Split(' ').Take(3).Aggregate((a, b) => a + " / " + b)} |");
        foreach (var error in records.Where(r => r.Error is not null).Select(r => r.Error).Distinct().Take(5))
        {
            Console.WriteLine($"error: {error}");
        }

        Console.WriteLine($"server log: {service.LogPath}{(options.KeepFolder ? "" : " (deleted; --keep keeps it)")}");
    }

    private static string Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? "n/a" : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1 < 0 ? 0 : (int)Math.Ceiling(p * sorted.Count) - 1)].ToString("0.00", CultureInfo.InvariantCulture) + " s";
}
