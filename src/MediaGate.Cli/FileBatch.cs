using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using MediaGate.Ingest;
using MediaGate.Ingest.Concurrency;
using MediaGate.Ingest.Sniff;

namespace MediaGate.Cli;

/// <summary>
/// Runs one verb over every input file: a JSON line per file on stdout, the run going on past a file that
/// fails (its line has an "error" field). Exit code 0 when every file succeeded, 2 when any failed.
/// </summary>
internal static class FileBatch
{
    public const int ExitOk = 0;
    public const int ExitSomeFilesFailed = 2;

    /// <param name="scan">The input files and what the walk left out (<see cref="InputFiles.Expand"/>).</param>
    /// <param name="limits">Input limits (a file over the byte limit is refused, reading no more than the limit).</param>
    /// <param name="parallelism">Files processed at once. Lines still come out in input order.</param>
    /// <param name="process">The verb's work for one file: its index in the input list, the file, its bytes.</param>
    public static int Run(InputScan scan, IngestLimits limits, int parallelism, Func<int, InputFiles.InputFile, byte[], JsonObject> process)
    {
        ArgumentNullException.ThrowIfNull(scan);
        IReadOnlyList<InputFiles.InputFile> files = scan.Files;
        var lines = new JsonObject?[files.Count];
        int failed = 0;
        int nextToWrite = 0;
        var writeLock = new Lock();
        using (var progress = new ProgressBar(files.Count))
        {
            // Largest files first, so that two big ones do not end the run on one core while the other idles.
            int[] order = parallelism > 1
                ? Enumerable.Range(0, files.Count).OrderByDescending(i => SizeOf(files[i])).ToArray()
                : Enumerable.Range(0, files.Count).ToArray();
            var partitions = Partitioner.Create(order, EnumerablePartitionerOptions.NoBuffering);
            Parallel.ForEach(partitions, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism) }, i =>
            {
                JsonObject line = ProcessOne(i, files[i], limits, process);
                MemoryRelief.ReleaseIfLarge();
                lock (writeLock)
                {
                    lines[i] = line;
                    if (line.ContainsKey("error"))
                    {
                        failed++;
                    }

                    // Write every finished line that is next in input order, so output order never depends on timing.
                    while (nextToWrite < lines.Length && lines[nextToWrite] is { } ready)
                    {
                        JsonLines.Write(ready);
                        progress.Advance(files[nextToWrite].DisplayPath);
                        lines[nextToWrite] = null;
                        nextToWrite++;
                    }
                }
            });
        }

        Console.Error.WriteLine($"mediagate: {files.Count - failed} of {files.Count} files done, {failed} failed{scan.Describe()}");
        return failed == 0 ? ExitOk : ExitSomeFilesFailed;
    }

    private static long SizeOf(InputFiles.InputFile file)
    {
        if (file.FullPath.Length == 0)
        {
            return 0;
        }

        try
        {
            return new FileInfo(file.FullPath).Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    private static JsonObject ProcessOne(int index, InputFiles.InputFile file, IngestLimits limits, Func<int, InputFiles.InputFile, byte[], JsonObject> process)
    {
        if (file.FullPath.Length == 0)
        {
            return JsonLines.Error(file.DisplayPath, new IngestFailure(IngestFailureKind.Io, "An empty path names no file."));
        }

        // Only a regular file is read, and never more than the limit (a link to /dev/zero, a FIFO: an error line).
        Outcome<byte[]> read = RegularFileReader.Read(file.FullPath, limits.MaxBytes);
        if (!read.IsSuccess)
        {
            return JsonLines.Error(file.DisplayPath, read.Failure);
        }

        byte[] bytes = read.Value;
        try
        {
            return process(index, file, bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Writing the output failed (a full disk, a file where a folder should be): nothing half-written stays.
            return JsonLines.Error(file.DisplayPath, new IngestFailure(IngestFailureKind.Io, "Cannot write the output: " + e.Message));
        }
#pragma warning disable CA1031 // One file's bug must not stop the batch; the file fails closed and the run goes on.
        catch (Exception e)
#pragma warning restore CA1031
        {
            JsonObject line = JsonLines.Error(file.DisplayPath, new IngestFailure(IngestFailureKind.Corrupt, "Internal error: " + e.Message));
            line["kind"] = "Internal";
            return line;
        }
    }
}
