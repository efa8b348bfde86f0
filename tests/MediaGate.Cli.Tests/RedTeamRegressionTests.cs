using System.Buffers.Binary;
using System.IO.Compression;

namespace MediaGate.Cli.Tests;

/// <summary>Regression tests for bugs found by attacking the CLI (each named after its bug).</summary>
[TestClass]
public sealed class RedTeamRegressionTests
{
    private const long MemoryBoundKilobytes = 400 * 1024;

    [TestMethod]
    public void Strip_TwoLargeTiffsInOneBatch_StaysUnderTheMemoryBound()
    {
        // Bug: strip ran one photo per core with no pixel budget, so two large non-JPEG photos were decoded at
        // once: two 49 MP single-strip TIFFs peaked at 700 MB, over the 400 MB bound that anonymise and detect keep.
        // Recipe: two 6000 x 6000 RGB TIFFs (36 MP each, together over the 50 MP budget), each one deflate strip.
        using var temp = new TempFolder();
        string input = temp.Combine("in");
        Directory.CreateDirectory(input);
        byte[] tiff = OneStripTiff(6000, 6000);
        File.WriteAllBytes(Path.Combine(input, "a.tif"), tiff);
        File.WriteAllBytes(Path.Combine(input, "b.tif"), tiff);

        CliRunner.Result result = CliRunner.RunMeasuringPeak(temp.Path, "strip", "in", "--out", "out");

        Assert.AreEqual(0, result.ExitCode, result.Stderr);
        Assert.HasCount(2, result.StdoutLines);
        Assert.IsTrue(File.Exists(temp.Combine("out", "a.jpg")) && File.Exists(temp.Combine("out", "b.jpg")));
        Assert.IsGreaterThan(0L, result.PeakKilobytes);
        Assert.IsLessThan(MemoryBoundKilobytes, result.PeakKilobytes, $"peak {result.PeakKilobytes} KB");
    }

    [TestMethod]
    public void Strip_OutputFolderIsTheFolderOfAFileArgument_ExitsOneLeavingTheFileBesideIt()
    {
        // Bug: `strip photos/a.png --out photos` wrote the stripped a.png as photos/a.jpg, silently replacing the
        // original photos/a.jpg beside it (not an input, so the "never replace an input" check did not see it).
        // Recipe: a folder holding a PNG and a JPEG of the same base name; strip only the PNG into that folder,
        // once by the same path and once through a link to the folder.
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.Combine("photos"));
        File.Copy(Path.Combine(TestPaths.SamplePhotos, "astronaut.png"), temp.Combine("photos", "a.png"));
        File.Copy(Path.Combine(TestPaths.ExifSamples, "jpg", "Canon_40D.jpg"), temp.Combine("photos", "a.jpg"));
        Directory.CreateSymbolicLink(temp.Combine("link"), temp.Combine("photos"));
        byte[] original = File.ReadAllBytes(temp.Combine("photos", "a.jpg"));

        CliRunner.Result direct = CliRunner.Run(temp.Path, "strip", Path.Combine("photos", "a.png"), "--out", "photos");
        CliRunner.Result throughLink = CliRunner.Run(temp.Path, "strip", Path.Combine("photos", "a.png"), "--out", "link");

        Assert.AreEqual(1, direct.ExitCode, direct.Stderr);
        Assert.AreEqual(1, throughLink.ExitCode, throughLink.Stderr);
        Assert.Contains("is the folder of the input", direct.Stderr);
        CollectionAssert.AreEqual(original, File.ReadAllBytes(temp.Combine("photos", "a.jpg")));
    }

    [TestMethod]
    public void Expand_FolderWhoseNameIsNotUtf8_IsReportedAsUnopenableNotAsANonImageFile()
    {
        // Bug: a sub-folder whose name is not valid UTF-8 (bytes 'd', 0xFF, 'r') comes back from the walk with
        // U+FFFD and cannot be opened by that name; it was counted as "1 files without an image extension" and
        // the photos in it were lost without a word. Recipe: mkdir(2) of that byte name, a photo inside.
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.Combine("in"));
        byte[] folder = [.. System.Text.Encoding.UTF8.GetBytes(temp.Combine("in") + "/d"), 0xFF, (byte)'r', 0];
        Assert.AreEqual(0, NativeNames.MakeFolder(folder, Convert.ToUInt32("755", 8)));

        InputScan scan = InputFiles.Expand([temp.Combine("in")]);

        Assert.IsEmpty(scan.SkippedByExtension);
        Assert.HasCount(1, scan.UnopenableNames);
        StringAssert.Contains(scan.Describe(), "1 entries that cannot be opened by name");
    }

    [TestMethod]
    public void Expand_FolderDeeperThanPathMax_IsReportedAsUnopenableNotAsANonImageFile()
    {
        // Bug: a folder whose full path is longer than PATH_MAX (4096 bytes) cannot be looked up by path; it was
        // counted as "a file without an image extension" and the photo in it was lost without a word. Recipe:
        // 40 nested folders of 120-character names (created relative to each other), a photo at the bottom.
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.Combine("in"));
        NativeNames.MakeDeepFolders(temp.Combine("in"), new string('x', 120), 40);

        InputScan scan;
        try
        {
            scan = InputFiles.Expand([temp.Combine("in")]);
        }
        finally
        {
            // .NET cannot delete a tree deeper than PATH_MAX; rm can.
            using var rm = System.Diagnostics.Process.Start("rm", ["-rf", temp.Combine("in")]);
            rm.WaitForExit();
        }

        Assert.IsEmpty(scan.SkippedByExtension);
        Assert.IsNotEmpty(scan.UnopenableNames);
        StringAssert.Contains(scan.Describe(), "entries that cannot be opened by name");
    }

    [TestMethod]
    public void Describe_FolderNameWithATerminalEscape_ShowsTheControlCharacterEscaped()
    {
        // Bug: the summary line wrote folder names from the disk raw to stderr, so a folder named
        // "x<ESC>[2J" cleared the user's terminal (or rewrote what it showed). Recipe: such a folder holding a
        // file without an image extension, which the summary names.
        using var temp = new TempFolder();
        string folder = temp.Combine("in", "x\u001b[2J");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "x");

        string summary = InputFiles.Expand([temp.Combine("in")]).Describe();

        Assert.IsFalse(summary.Any(char.IsControl), summary);
        StringAssert.Contains(summary, "x\\u001B[2J");
    }

    [TestMethod]
    public void Strip_SecondRunWritesAnotherPhotoUnderAnExistingOutputName_RefusesItKeepingTheFirst()
    {
        // Bug: outputs were moved into place with overwrite, so a second run (or a second process running at the
        // same time: two tablets each syncing an IMG_0001) replaced the first run's photo; both runs reported
        // success for the same output, one photo was lost. Recipe: t1/img.png and t2/img.png, different photos,
        // stripped by two runs into one folder; then the first run repeated (same bytes: allowed).
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.Combine("t1"));
        Directory.CreateDirectory(temp.Combine("t2"));
        File.Copy(Path.Combine(TestPaths.SamplePhotos, "astronaut.png"), temp.Combine("t1", "img.png"));
        File.Copy(Path.Combine(TestPaths.SamplePhotos, "coffee.png"), temp.Combine("t2", "img.png"));

        CliRunner.Result first = CliRunner.Run(temp.Path, "strip", "t1", "--out", "out");
        byte[] firstOutput = File.ReadAllBytes(temp.Combine("out", "img.jpg"));
        CliRunner.Result second = CliRunner.Run(temp.Path, "strip", "t2", "--out", "out");
        CliRunner.Result repeated = CliRunner.Run(temp.Path, "strip", "t1", "--out", "out");

        Assert.AreEqual(0, first.ExitCode, first.Stderr);
        Assert.AreEqual(2, second.ExitCode, second.Stderr);
        StringAssert.Contains(second.StdoutLines.Single(), "already exists with other content");
        CollectionAssert.AreEqual(firstOutput, File.ReadAllBytes(temp.Combine("out", "img.jpg")));
        Assert.AreEqual(0, repeated.ExitCode, repeated.Stderr);
        Assert.HasCount(1, Directory.GetFiles(temp.Combine("out")));
    }

    [TestMethod]
    public void Strip_PhotoWithTheLongestLegalName_IsWritten()
    {
        // Bug: the temporary file was the output name plus ".tmp-PID-INDEX", so an input whose name is near the
        // 255-byte limit (legal) failed with an Io error and never came out. Recipe: a PNG named 250 'a's + ".png".
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.Combine("in"));
        string name = new string('a', 250);
        File.Copy(Path.Combine(TestPaths.SamplePhotos, "coffee.png"), temp.Combine("in", name + ".png"));

        CliRunner.Result result = CliRunner.Run(temp.Path, "strip", "in", "--out", "out");

        Assert.AreEqual(0, result.ExitCode, string.Join('\n', result.StdoutLines));
        Assert.IsTrue(File.Exists(temp.Combine("out", name + ".jpg")));
        Assert.HasCount(1, Directory.GetFiles(temp.Combine("out")));
    }

    [TestMethod]
    public void Strip_PngJustUnderTheByteLimit_StaysUnderTheMemoryBound()
    {
        // Bug: one 49 MP PNG of 63 MB (under the 64 MiB limit) peaked at 617 MB: the file reader grew its buffer to
        // learn the file had ended and copied it again, and the chunk filter held the file, a MemoryStream of
        // the kept chunks, one of the image data and both ToArray copies at once, before any pixel was decoded.
        // Recipe: 7000 x 7000 RGB, 8-bit; the first 2900 rows random bytes (incompressible), the rest zeros.
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.Combine("in"));
        File.WriteAllBytes(temp.Combine("in", "big.png"), NoisyPng(7000, 7000, 2900));
        Assert.IsGreaterThan(60L * 1024 * 1024, new FileInfo(temp.Combine("in", "big.png")).Length);

        CliRunner.Result result = CliRunner.RunMeasuringPeak(temp.Path, "strip", "in", "--out", "out");

        Assert.AreEqual(0, result.ExitCode, string.Join('\n', result.StdoutLines));
        Assert.IsGreaterThan(0L, result.PeakKilobytes);
        Assert.IsLessThan(MemoryBoundKilobytes, result.PeakKilobytes, $"peak {result.PeakKilobytes} KB");
    }

    private static byte[] NoisyPng(int width, int height, int noisyRows)
    {
        byte[] row = new byte[1 + (width * 3)];
        var random = new Random(6);
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            for (int y = 0; y < height; y++)
            {
                if (y < noisyRows)
                {
                    random.NextBytes(row.AsSpan(1));
                }
                else
                {
                    row.AsSpan().Clear();
                }

                zlib.Write(row);
            }
        }

        byte[] header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), (uint)height);
        header[8] = 8;
        header[9] = 2;
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        WriteChunk(png, "IHDR"u8, header);
        WriteChunk(png, "IDAT"u8, compressed.ToArray());
        WriteChunk(png, "IEND"u8, []);
        return png.ToArray();
    }

    private static void WriteChunk(Stream png, ReadOnlySpan<byte> type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(number, (uint)data.Length);
        png.Write(number);
        png.Write(type);
        png.Write(data);
        uint crc = Crc32(0xFFFFFFFF, type);
        crc = Crc32(crc, data) ^ 0xFFFFFFFF;
        BinaryPrimitives.WriteUInt32BigEndian(number, crc);
        png.Write(number);
    }

    /// <summary>CRC-32 (PNG's, polynomial 0xEDB88320), bit by bit: the test files are written once.</summary>
    private static uint Crc32(uint crc, ReadOnlySpan<byte> bytes)
    {
        foreach (byte b in bytes)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320 ^ (crc >> 1) : crc >> 1;
            }
        }

        return crc;
    }

    /// <summary>A little-endian RGB TIFF, 8 bits per sample, one deflate-compressed strip holding every row.</summary>
    private static byte[] OneStripTiff(int width, int height)
    {
        byte[] row = new byte[width * 3];
        for (int i = 0; i < row.Length; i++)
        {
            row[i] = (byte)i;
        }

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            for (int y = 0; y < height; y++)
            {
                zlib.Write(row);
            }
        }

        byte[] strip = compressed.ToArray();
        (ushort Tag, ushort Type, uint Count, uint Value)[] entries =
        [
            (256, 4, 1, (uint)width), (257, 4, 1, (uint)height), (258, 3, 3, 0), (259, 3, 1, 8), (262, 3, 1, 2),
            (273, 4, 1, 0), (277, 3, 1, 3), (278, 4, 1, (uint)height), (279, 4, 1, (uint)strip.Length),
        ];
        int ifdSize = 2 + (12 * entries.Length) + 4;
        int bitsAt = 8 + ifdSize;
        int dataAt = bitsAt + 6;
        byte[] file = new byte[dataAt + strip.Length];
        "II*\0"u8.CopyTo(file);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(4), 8);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(8), (ushort)entries.Length);
        for (int i = 0; i < entries.Length; i++)
        {
            (ushort tag, ushort type, uint count, uint value) = entries[i];
            value = tag switch { 258 => (uint)bitsAt, 273 => (uint)dataAt, _ => value };
            Span<byte> entry = file.AsSpan(10 + (12 * i), 12);
            BinaryPrimitives.WriteUInt16LittleEndian(entry, tag);
            BinaryPrimitives.WriteUInt16LittleEndian(entry[2..], type);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[4..], count);
            if (type == 3 && count == 1)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(entry[8..], (ushort)value);
            }
            else
            {
                BinaryPrimitives.WriteUInt32LittleEndian(entry[8..], value);
            }
        }

        for (int s = 0; s < 3; s++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(bitsAt + (2 * s)), 8);
        }

        strip.CopyTo(file, dataAt);
        return file;
    }
}
