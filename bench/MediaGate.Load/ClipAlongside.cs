using System.Diagnostics;
using System.Globalization;
using MediaGate.Testing.Servers;

namespace MediaGate.Load;

/// <summary>
/// <c>--clip-seconds N</c> (issue 14: "the service's peak memory while a clip is processed next to photos"): a 1080p30 clip
/// of N seconds, a slow pan across a faces-dev photo of two people enlarged to 2880 px wide (made by ffmpeg in the run's
/// folder, never kept), uploaded by tablet 0 when the photos' burst starts. While the run lasts, the resident memory of the
/// server and of every process it started (the ffmpeg and ffprobe it runs for the clip) is summed every 100 ms.
/// </summary>
internal sealed class ClipAlongside
{
    private long _peakTreeBytes;
    private long _peakTreeProportionalBytes;
    private string _peakComposition = "n/a";

    private ClipAlongside(string path, int seconds) => (Path, Seconds) = (path, seconds);

    public string Path { get; }

    public int Seconds { get; }

    public TimeSpan? Acknowledged { get; private set; }

    public TimeSpan? Decided { get; private set; }

    public string? Status { get; private set; }

    public string? Error { get; private set; }

    /// <summary>The faces (tracks) the tablet lists on the decided clip: what a practitioner would be asked to name.</summary>
    public int? Faces { get; private set; }

    /// <summary>From the tablet's answer (the largest face named as the tagged child, every other face "not a child in our setting") to the parent's copy being served.</summary>
    public TimeSpan? FamilyCopy { get; private set; }

    /// <summary>The server's own CPU seconds over <see cref="FamilyCopy"/>.</summary>
    public double? FamilyServerCpu { get; private set; }

    /// <summary>The CPU seconds of the ffmpeg/ffprobe runs the server waited for over <see cref="FamilyCopy"/>.</summary>
    public double? FamilyToolsCpu { get; private set; }

    /// <summary>Why no family copy was measured (null when one was).</summary>
    public string? FamilyProblem { get; private set; }

    private string? ObservationId { get; set; }

    public long PeakTreeBytes => Interlocked.Read(ref _peakTreeBytes);

    /// <summary>The same as proportional set sizes (PSS): a page shared by several of the processes (ffmpeg's libraries,
    /// mapped by every ffmpeg and ffprobe run) is counted once in all, not once per process as the resident sizes count it.</summary>
    public long PeakTreeProportionalBytes => Interlocked.Read(ref _peakTreeProportionalBytes);

    /// <summary>At the PSS peak: the server's own PSS and each of its child processes' (name and PSS), in MiB.</summary>
    public string PeakComposition => Volatile.Read(ref _peakComposition);

    public static ClipAlongside Make(string folder, int seconds)
    {
        string path = System.IO.Path.Combine(folder, "clip-1080p30.mp4");
        string s = seconds.ToString(CultureInfo.InvariantCulture);
        ExternalProcess.Output("ffmpeg",
            "-nostdin", "-v", "error", "-y", "-loop", "1", "-framerate", "30", "-i", TestPhotos.GroupOfTwo,
            "-f", "lavfi", "-i", $"sine=frequency=440:duration={s}", "-t", s,
            "-vf", $"scale=2880:-2,crop=1920:1080:x='(iw-1920)*t/{s}':y='(ih-1080)/2'",
            "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", path);
        return new ClipAlongside(path, seconds);
    }

    /// <summary>Uploads the clip from <paramref name="tablet"/> and waits (at most <paramref name="limit"/>) until it is decided.</summary>
    public async Task RunAsync(ApiClient tablet, string childId, Stopwatch clock, TimeSpan limit)
    {
        var sent = clock.Elapsed;
        try
        {
            var receipt = await tablet.UploadAsync([new UploadFile("clip.mp4", await File.ReadAllBytesAsync(Path), "video/mp4")], [childId], "load clip", Guid.NewGuid().ToString("N"));
            Acknowledged = clock.Elapsed - sent;
            ObservationId = receipt.ObservationId;
            while (clock.Elapsed - sent < limit)
            {
                var item = (await tablet.ObservationAsync(receipt.ObservationId)).FirstOrDefault();
                Status = item?.Status;
                if (Status is not (null or "processing"))
                {
                    Decided = clock.Elapsed - sent;
                    Faces = item!.Faces.Count;
                    return;
                }

                await Task.Delay(500);
            }
        }
        catch (Exception e) when (e is ApiException or HttpRequestException or TaskCanceledException)
        {
            Error = e.Message.Split('\n')[0];
        }
    }

    /// <summary>
    /// After the decision, as a practitioner would on the tablet: the largest face is named as the tagged child and
    /// every other one as "not a child in our setting" (masked), which releases the clip for the journal. Measures the
    /// time and CPU until the child's parent is served the family copy (a masked render of the 720p master).
    /// </summary>
    public async Task NameAndWaitForFamilyCopyAsync(ApiClient tablet, ApiClient parent, string childId, Func<(double? Server, double? Tools)> cpu, TimeSpan limit)
    {
        if (Status != "needs-assignment" || ObservationId is null)
        {
            FamilyProblem = $"the clip was {Status ?? Error ?? "not decided"}, not waiting for names";
            return;
        }

        try
        {
            var item = (await tablet.ObservationAsync(ObservationId)).Single();
            var child = item.Faces.MaxBy(f => f.W * f.H)!;
            var answers = item.Faces.Select(f => ReferenceEquals(f, child)
                ? new { faceId = f.FaceId, childId = (string?)childId, kind = "child" }
                : new { faceId = f.FaceId, childId = (string?)null, kind = "not-a-child" }).ToList();
            var (server, tools) = cpu();
            var clock = Stopwatch.StartNew();
            using (var answered = await tablet.SendAsync(HttpMethod.Put, $"/api/tablet/media/{item.MediaId}/faces", ApiClient.JsonBody(answers)))
            {
                await ApiClient.ExpectAsync(answered, "PUT faces", System.Net.HttpStatusCode.OK, System.Net.HttpStatusCode.NoContent, System.Net.HttpStatusCode.Accepted);
            }

            while (clock.Elapsed < limit)
            {
                using var copy = await parent.SendAsync(HttpMethod.Get, $"/api/parent/media/{item.MediaId}/video", configure: r => r.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(0, 0));
                if (copy.IsSuccessStatusCode)
                {
                    FamilyCopy = clock.Elapsed;
                    var (serverAfter, toolsAfter) = cpu();
                    FamilyServerCpu = serverAfter - server;
                    FamilyToolsCpu = toolsAfter - tools;
                    return;
                }

                await Task.Delay(250);
            }

            FamilyProblem = $"the parent was not served a copy within {limit.TotalSeconds:0} s";
        }
        catch (Exception e) when (e is ApiException or HttpRequestException or TaskCanceledException)
        {
            FamilyProblem = e.Message.Split('\n')[0];
        }
    }

    /// <summary>Samples the resident memory of <paramref name="processId"/> and its descendants every 100 ms until stopped.</summary>
    public async Task SampleAsync(int processId, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var (resident, proportional, composition) = TreeBytes(processId);
            if (resident > Interlocked.Read(ref _peakTreeBytes))
            {
                Interlocked.Exchange(ref _peakTreeBytes, resident);
            }

            if (proportional > Interlocked.Read(ref _peakTreeProportionalBytes))
            {
                Interlocked.Exchange(ref _peakTreeProportionalBytes, proportional);
                Volatile.Write(ref _peakComposition, composition);
            }

            try
            {
                await Task.Delay(100, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>
    /// CPU seconds (user + system) of the processes <paramref name="processId"/> started and waited for (cutime, cstime of
    /// /proc/PID/stat: its ffmpeg and ffprobe runs, once ended); null when it cannot be read.
    /// </summary>
    public static double? ChildCpuSeconds(int processId)
    {
        if (Read($"/proc/{processId}/stat") is not { } stat)
        {
            return null;
        }

        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // Fields 16 and 17 of stat are the 14th and 15th after the command name, in clock ticks of 1/100 s.
        return (long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture)) / 100.0;
    }

    /// <summary>The resident (VmRSS) and proportional (Pss of smaps_rollup) bytes of <paramref name="root"/> and its descendants, summed.</summary>
    private static (long Resident, long Proportional, string Composition) TreeBytes(int root)
    {
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(System.IO.Path.GetFileName(dir), out int pid) && Read($"{dir}/stat") is { } stat)
            {
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                parents[pid] = int.Parse(fields[1], CultureInfo.InvariantCulture);
            }
        }

        long resident = 0, proportional = 0;
        var parts = new List<string>();
        foreach (var pid in parents.Keys.Where(p => Descends(p, root, parents)).Order())
        {
            resident += Kibibytes(Read($"/proc/{pid}/status"), "VmRSS:") * 1024;
            long pss = Kibibytes(Read($"/proc/{pid}/smaps_rollup"), "Pss:") * 1024;
            proportional += pss;
            string name = pid == root ? "server" : (Read($"/proc/{pid}/comm") ?? "?").Trim();
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{name} {pss / (1024.0 * 1024):0}"));
        }

        return (resident, proportional, string.Join(", ", parts));
    }

    /// <summary>The value in kB of the line starting with <paramref name="key"/> in a /proc file; 0 when absent (the process ended).</summary>
    private static long Kibibytes(string? text, string key)
    {
        var line = text?.Split('\n').FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    private static bool Descends(int pid, int root, Dictionary<int, int> parents)
    {
        for (int at = pid, hops = 0; hops < 64; hops++)
        {
            if (at == root)
            {
                return true;
            }

            if (!parents.TryGetValue(at, out at) || at <= 1)
            {
                return false;
            }
        }

        return false;
    }

    private static string? Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
