using MediaGate.Ingest.Video;

namespace MediaGate.Ingest.Tests.Video;

[TestClass]
public sealed class ToolProcessTests
{
    [TestMethod]
    public void Execute_RunsOverItsWallClock_IsKilledAndReportedTimedOut()
    {
        ToolRun run = ToolRun.Execute("sleep", ["60"], new ToolLimits(TimeSpan.FromMilliseconds(300), 1L << 30), 1024);

        Assert.IsTrue(run.TimedOut);
        Assert.IsFalse(run.Succeeded);
    }

    [TestMethod]
    public void Execute_OverItsMemoryLimit_Fails()
    {
        // ffmpeg cannot even map its libraries in 16 MB of address space.
        ToolRun run = ToolRun.Execute("ffmpeg", ["-nostdin", "-version"], new ToolLimits(TimeSpan.FromMinutes(1), 16L << 20), 64 * 1024);

        Assert.IsFalse(run.Succeeded);
        Assert.IsFalse(run.TimedOut);
    }

    [TestMethod]
    public void Execute_OutputLongerThanTheBound_IsTruncatedAndNotASuccess()
    {
        ToolRun run = ToolRun.Execute("ffmpeg", ["-nostdin", "-v", "error", "-f", "lavfi", "-i", "testsrc=s=320x240:d=5", "-f", "rawvideo", "-"], ToolLimits.Default, 1000);

        Assert.IsTrue(run.OutputTruncated);
        Assert.HasCount(1000, run.Output);
        Assert.IsFalse(run.Succeeded);
    }

    [TestMethod]
    public void Execute_ArgumentsWithShellCharacters_ArePassedLiterallyNotThroughAShell()
    {
        ToolRun run = ToolRun.Execute("echo", ["a; echo b", "$HOME"], ToolLimits.Default, 1024);

        Assert.AreEqual("a; echo b $HOME\n", System.Text.Encoding.UTF8.GetString(run.Output));
    }
}
