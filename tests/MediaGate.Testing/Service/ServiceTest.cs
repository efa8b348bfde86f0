namespace MediaGate.Testing.Service;

/// <summary>
/// Base of the service test classes: work folders (data folders and server logs) made for a test are deleted
/// when it passes and kept when it fails, with their paths in the test output, so the server logs can be read.
/// </summary>
public abstract class ServiceTest
{
    private readonly List<string> _workFolders = [];

    public TestContext TestContext { get; set; } = null!;

    protected static string Models => TestPaths.SharedModels;

    internal string NewWorkFolder(string purpose)
    {
        var folder = ServiceSettings.NewWorkFolder(purpose);
        _workFolders.Add(folder);
        TestContext.WriteLine("work folder (server logs): " + folder);
        return folder;
    }

    [TestCleanup]
    public void DeleteWorkFoldersOfPassedTest()
    {
        if (TestContext.CurrentTestOutcome != UnitTestOutcome.Passed)
        {
            return;
        }

        foreach (var folder in _workFolders)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by a server that is shutting down: the temp folder is cleaned by the machine.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
