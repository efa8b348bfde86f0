namespace MediaGate.Cli.Tests;

[TestClass]
public sealed class InputFilesTests
{
    private static void Touch(string path, string content = "x")
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    /// <summary>Regression: a folder linking to itself and to its parent was walked until the kernel's link limit (the same photo written 41 times), and loops grew memory without end.</summary>
    [TestMethod]
    public void Expand_FolderWithLinkLoops_TakesEachFileOnceAndNamesTheLinks()
    {
        using var temp = new TempFolder();
        Touch(temp.Combine("in", "a.jpg"));
        Touch(temp.Combine("in", "sub", "b.jpg"));
        Directory.CreateSymbolicLink(temp.Combine("in", "self"), ".");
        Directory.CreateSymbolicLink(temp.Combine("in", "sub", "up"), "..");

        InputScan scan = InputFiles.Expand([temp.Combine("in")]);

        CollectionAssert.AreEqual(new[] { "a.jpg", Path.Combine("sub", "b.jpg") }, scan.Files.Select(f => f.RelativePath).ToArray());
        Assert.HasCount(2, scan.FoldersReachedTwice);
        StringAssert.Contains(scan.Describe(), "2 links to folders already walked");
    }

    [TestMethod]
    public void Expand_SameFileByRepeatedArgumentAndByLink_TakesItOnce()
    {
        using var temp = new TempFolder();
        Touch(temp.Combine("a.jpg"));
        File.CreateSymbolicLink(temp.Combine("link.jpg"), temp.Combine("a.jpg"));

        InputScan scan = InputFiles.Expand([temp.Combine("a.jpg"), temp.Combine("a.jpg"), temp.Combine("link.jpg")]);

        Assert.HasCount(1, scan.Files);
        Assert.HasCount(2, scan.Duplicates);
        StringAssert.Contains(scan.Describe(), "2 repeated inputs");
    }

    [TestMethod]
    public void Expand_FolderWithOtherFilesAndDotFiles_CountsWhatItSkipsAndWhere()
    {
        using var temp = new TempFolder();
        Touch(temp.Combine("in", "a.jpg"));
        Touch(temp.Combine("in", "notes.txt"));
        Touch(temp.Combine("in", "docs", "x.pdf"));
        Touch(temp.Combine("in", "docs", "y.pdf"));
        Touch(temp.Combine("in", ".hidden.jpg"));
        Touch(temp.Combine("in", ".cache", "c.jpg"));

        InputScan scan = InputFiles.Expand([temp.Combine("in")]);
        string summary = scan.Describe();

        Assert.HasCount(1, scan.Files);
        StringAssert.Contains(summary, "3 files without an image extension");
        StringAssert.Contains(summary, Path.Combine(temp.Combine("in"), "docs") + ": 2");
        StringAssert.Contains(summary, "2 hidden (dot) files or folders");
    }

    [TestMethod]
    public void Expand_OutputFolderInsideTheInputFolder_IsNotWalked()
    {
        using var temp = new TempFolder();
        Touch(temp.Combine("in", "a.jpg"));
        Touch(temp.Combine("in", "out", "a.jpg"));

        InputScan scan = InputFiles.Expand([temp.Combine("in")], temp.Combine("in", "out"));

        Assert.AreEqual("a.jpg", scan.Files.Single().RelativePath);
        StringAssert.Contains(scan.Describe(), "the output folder");
    }

    [TestMethod]
    public void Expand_OutputFolderIsTheInputFolder_IsAProblem()
    {
        using var temp = new TempFolder();
        Touch(temp.Combine("in", "a.jpg"));
        Directory.CreateSymbolicLink(temp.Combine("alias"), temp.Combine("in"));

        InputScan scan = InputFiles.Expand([temp.Combine("in")], temp.Combine("alias"));

        Assert.IsNotNull(scan.Problem, "an output folder reached through a link to the input folder is refused");
        StringAssert.Contains(scan.Problem, "is the input folder", "the problem names the collision, not something else");
        Assert.IsEmpty(scan.Files, "nothing is read once the folders collide");
    }

    [TestMethod]
    public void Expand_FileGivenByName_IsTakenWhateverItsExtension()
    {
        using var temp = new TempFolder();
        Touch(temp.Combine("photo.bin"));

        InputScan scan = InputFiles.Expand([temp.Combine("photo.bin"), temp.Combine("missing.jpg")]);

        Assert.HasCount(2, scan.Files);
        Assert.AreEqual(string.Empty, scan.Describe());
    }
}
