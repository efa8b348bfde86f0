using System.Diagnostics;
using MediaGate.Ingest.Sniff;

namespace MediaGate.Ingest.Tests.Sniff;

[TestClass]
public sealed class RegularFileReaderTests
{
    private static string NewFolder()
    {
        string folder = Path.Combine(Path.GetTempPath(), "mediagate-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    [TestMethod]
    public void Read_RegularFile_ReturnsItsBytes()
    {
        string folder = NewFolder();
        try
        {
            string path = Path.Combine(folder, "a.jpg");
            byte[] content = [.. Enumerable.Range(0, 10_000).Select(i => (byte)i)];
            File.WriteAllBytes(path, content);

            var read = RegularFileReader.Read(path, 10_000);

            CollectionAssert.AreEqual(content, read.Value);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Regression: a ".jpg" link to /dev/zero read as size 0, passed the limit, read 4 GB and ended the run with OutOfMemoryException.</summary>
    [TestMethod]
    public void Read_LinkToDevZero_FailsIoWithoutReading()
    {
        string folder = NewFolder();
        try
        {
            string path = Path.Combine(folder, "zero.jpg");
            File.CreateSymbolicLink(path, "/dev/zero");

            var read = RegularFileReader.Read(path, 64L << 20);

            Assert.AreEqual(IngestFailureKind.Io, read.Failure?.Kind);
            StringAssert.Contains(read.Failure!.Message, "character device");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Regression: a FIFO named .jpg blocked the run forever (open waits for a writer). Recipe: mkfifo in a temp folder.</summary>
    [TestMethod]
    public void Read_Fifo_FailsIoWithoutBlocking()
    {
        string folder = NewFolder();
        try
        {
            string path = Path.Combine(folder, "fifo.jpg");
            using (var mkfifo = Process.Start("mkfifo", [path]))
            {
                mkfifo.WaitForExit();
                Assert.AreEqual(0, mkfifo.ExitCode);
            }

            // Run on another thread so that a regression shows as a failed test, not a hung run.
            var reading = Task.Run(() => RegularFileReader.Read(path, 1024));
            bool finished = reading.Wait(TimeSpan.FromMinutes(1));

            Assert.IsTrue(finished, "reading a FIFO blocked");
            Assert.AreEqual(IngestFailureKind.Io, reading.Result.Failure?.Kind);
            StringAssert.Contains(reading.Result.Failure!.Message, "FIFO");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The read is bounded by the limit, not by stat: /proc files are regular files whose size reads as 0.</summary>
    [TestMethod]
    public void Read_RegularFileWhoseStatSizeIsZero_IsStillBoundedByTheLimit()
    {
        Assert.AreEqual(0, new FileInfo("/proc/self/maps").Length);

        var read = RegularFileReader.Read("/proc/self/maps", 100);

        Assert.AreEqual(IngestFailureKind.TooManyBytes, read.Failure?.Kind);
    }

    [TestMethod]
    public void Read_Folder_FailsIo()
    {
        string folder = NewFolder();
        try
        {
            Assert.AreEqual(IngestFailureKind.Io, RegularFileReader.Read(folder, 1024).Failure?.Kind);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestMethod]
    public void Read_MissingFile_FailsIo()
    {
        Assert.AreEqual(IngestFailureKind.Io, RegularFileReader.Read("/nonexistent/mediagate/a.jpg", 1024).Failure?.Kind);
    }
}
