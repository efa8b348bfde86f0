using System.Globalization;

namespace MediaGate.Cli;

/// <summary>
/// Where a verb's outputs go: each input has its own output name (<see cref="OutputNames"/>) and its own
/// temporary file, written whole, read back and compared, then renamed into place, so what lands under the
/// output name is exactly the verified bytes and two inputs can never mix in one file. An existing output
/// is never replaced by other bytes, whichever run or process wrote it.
/// </summary>
internal sealed class OutputFolder
{
    private readonly string _folder;
    private readonly OutputNames _names;
    private readonly HashSet<(ulong, ulong)> _inputs;

    public OutputFolder(string folder, InputScan scan)
    {
        ArgumentNullException.ThrowIfNull(scan);
        _folder = folder;
        _names = new OutputNames(scan.Files.Select(f => f.RelativePath).ToList());
        _inputs = scan.Identities;
    }

    /// <summary>Writes the output of input <paramref name="index"/>; returns its path as shown to the user.</summary>
    /// <exception cref="IOException">The output cannot be written, or would replace an input file.</exception>
    public string Write(int index, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        string relative = _names.For(index);
        string target = Path.GetFullPath(Path.Combine(_folder, relative));
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (Ingest.Sniff.FileIdentity.Of(target) is { } existing && _inputs.Contains(existing.Key))
        {
            throw new IOException($"{Path.Combine(_folder, relative)} is one of the inputs; it is not replaced.");
        }

        // The input's index makes the temporary name unique within the run, the process id across runs. It is
        // short and fixed-length, not the output name plus a suffix: a legal 250-byte photo name plus the suffix
        // passed the file-name limit and the photo failed. The leading dot keeps folder walks from reading it.
        string temp = Path.Combine(Path.GetDirectoryName(target)!, string.Create(CultureInfo.InvariantCulture, $".mediagate-{Environment.ProcessId}-{index}.tmp"));
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(content);
                stream.Flush();
            }

            if (!File.ReadAllBytes(temp).AsSpan().SequenceEqual(content))
            {
                throw new IOException("The written output does not read back as the verified bytes.");
            }

            Publish(temp, target, content, Path.Combine(_folder, relative));
        }
        finally
        {
            File.Delete(temp);
        }

        return Path.Combine(_folder, relative);
    }

    /// <summary>
    /// Moves the verified file under its name only if that name is free (File.Move without overwrite is
    /// link(2) then unlink on Linux: atomic, never replacing). A name already holding the same bytes is a
    /// repeated run and succeeds; a name holding other bytes is refused. Replacing it silently lost photos: two
    /// runs into one folder (two tablets, each with its IMG_0001.png) left one photo under both runs' lines.
    /// </summary>
    private static void Publish(string temp, string target, byte[] content, string shown)
    {
        try
        {
            File.Move(temp, target, overwrite: false);
            return;
        }
        catch (IOException) when (File.Exists(target))
        {
            // The name is taken: compared below.
        }

        // Read bounded, and only a regular file: what sits under the name is not trusted (a link to /dev/zero).
        Ingest.Outcome<byte[]> existing = Ingest.Sniff.RegularFileReader.Read(target, content.Length);
        if (!existing.IsSuccess || !existing.Value.AsSpan().SequenceEqual(content))
        {
            throw new IOException($"{shown} already exists with other content (another photo or run wrote it); it is not replaced.");
        }
    }
}
