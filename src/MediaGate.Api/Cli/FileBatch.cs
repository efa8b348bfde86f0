using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using MediaGate.Ingest;

namespace MediaGate.Api.Cli;

/// <summary>
/// Runs one verb over every input file: a JSON line per file on stdout, the run going on past a file that
/// fails (its line has an "error" field). Exit code 0 when every file succeeded, 2 when any failed.
/// </summary>
internal static class FileBatch
{
    public const int ExitOk = 0;
    public const int ExitSomeFilesFailed = 2;

    /// <param name="files">The input files (<see cref="InputFiles.Expand"/>).</param>
    /// <param name="limits">Input limits (a file over the byte limit is refused before it is read).</param>
    /// <param name="parallelism">Files processed at once. Lines still come out in input order.</param>
    /// <param name="process">The verb's work for one file.</param>
    public static int Run(IReadOnlyList<InputFiles.InputFile> files, IngestLimits limits, int parallelism, Func<InputFiles.InputFile, byte[], JsonObject> process)
    {
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
                JsonObject line = ProcessOne(files[i], limits, process);
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

        Console.Error.WriteLine($"mediagate: {files.Count - failed} of {files.Count} files done, {failed} failed");
        return failed == 0 ? ExitOk : ExitSomeFilesFailed;
    }

    private static long SizeOf(InputFiles.InputFile file)
    {
        try
        {
            return new FileInfo(file.FullPath).Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    private static JsonObject ProcessOne(InputFiles.InputFile file, IngestLimits limits, Func<InputFiles.InputFile, byte[], JsonObject> process)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(file.FullPath);
            if (!info.Exists)
            {
                return JsonLines.Error(file.DisplayPath, new IngestFailure(IngestFailureKind.Io, "No such file."));
            }

            // Refuse before reading: an oversized file is never loaded into memory.
            if (info.Length > limits.MaxBytes)
            {
                return JsonLines.Error(file.DisplayPath, new IngestFailure(IngestFailureKind.TooManyBytes, $"The file has {info.Length} bytes; the limit is {limits.MaxBytes}."));
            }

            bytes = File.ReadAllBytes(file.FullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return JsonLines.Error(file.DisplayPath, new IngestFailure(IngestFailureKind.Io, e.Message));
        }

        try
        {
            return process(file, bytes);
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

    /// <summary>Writes the output atomically (temporary file, then rename) under the output folder.</summary>
    public static string WriteOutput(string outDir, string relativePath, byte[] content)
    {
        string target = Path.GetFullPath(Path.Combine(outDir, relativePath));
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        string temp = target + ".tmp-" + Environment.ProcessId;
        try
        {
            File.WriteAllBytes(temp, content);
            File.Move(temp, target, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }

        return target;
    }
}
