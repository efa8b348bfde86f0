using System.Text.Json;

namespace MediaGate.Cli.Tests;

[TestClass]
public sealed class ConsentCommandsTests
{
    private const string Header = "child_id,child_name,journal,journal_group,website,publicity,events,given_by,evidence,given_on,lapses_on";

    [TestMethod]
    public void Import_ValidCsv_ExportAndShowReflectIt()
    {
        using var temp = new TempFolder();
        File.WriteAllLines(temp.Combine("matrix.csv"),
        [
            Header,
            "ava,Ava Example,yes,no,no,,yes,Mum (Jo Example),form-2026-014,2026-09-01,2099-09-01",
            "ben,Ben Example,yes,yes,yes,yes,yes,Dad (Sam Example),form-2026-015,2026-09-02,2099-09-02",
        ]);

        CliRunner.Result import = CliRunner.Run(temp.Path, "consent", "import", "matrix.csv", "--data", "data");
        CliRunner.Result export = CliRunner.Run(temp.Path, "consent", "export", "--data", "data");
        CliRunner.Result show = CliRunner.Run(temp.Path, "consent", "show", "ava", "--data", "data", "--json");

        Assert.AreEqual(0, import.ExitCode, import.Stderr);
        Assert.IsTrue(File.Exists(temp.Combine("data", "mediagate.db")));
        Assert.AreEqual(0, export.ExitCode, export.Stderr);
        Assert.AreEqual(Header, export.StdoutLines[0]);
        string avaRow = export.StdoutLines.Single(l => l.StartsWith("ava,", StringComparison.Ordinal));
        StringAssert.StartsWith(avaRow, "ava,Ava Example,yes,no,no,,yes,");
        Assert.AreEqual(0, show.ExitCode, show.Stderr);
        using JsonDocument json = JsonDocument.Parse(string.Join('\n', show.StdoutLines));
        Assert.Contains("form-2026-014", json.RootElement.ToString());
    }

    [TestMethod]
    public void Import_MalformedRow_ExitsOneNamingTheLineAndImportsNothing()
    {
        using var temp = new TempFolder();
        File.WriteAllLines(temp.Combine("bad.csv"),
        [
            Header,
            "ava,Ava Example,yes,no,no,,yes,Mum,form-1,2026-09-01,2099-09-01",
            "ben,Ben Example,maybe,no,no,no,no,Dad,form-2,2026-09-02,2099-09-02",
        ]);

        CliRunner.Result import = CliRunner.Run(temp.Path, "consent", "import", "bad.csv", "--data", "data");
        CliRunner.Result export = CliRunner.Run(temp.Path, "consent", "export", "--data", "data");

        Assert.AreEqual(1, import.ExitCode);
        Assert.Contains("line 3", import.Stderr);
        Assert.DoesNotContain("   at ", import.Stderr, "a stack trace leaked");
        Assert.AreEqual(0, export.ExitCode, export.Stderr);
        Assert.IsFalse(export.StdoutLines.Any(l => l.StartsWith("ava,", StringComparison.Ordinal)), "a row before the bad one was imported");
    }

    [TestMethod]
    public void Show_UnknownChild_ExitsOneWithMessage()
    {
        using var temp = new TempFolder();

        CliRunner.Result show = CliRunner.Run(temp.Path, "consent", "show", "nobody", "--data", "data");

        Assert.AreEqual(1, show.ExitCode);
        Assert.Contains("nobody", show.Stderr);
    }

    [TestMethod]
    public void Import_MissingFile_ExitsOneWithMessage()
    {
        using var temp = new TempFolder();

        CliRunner.Result import = CliRunner.Run(temp.Path, "consent", "import", "missing.csv", "--data", "data");

        Assert.AreEqual(1, import.ExitCode);
        Assert.Contains("missing.csv", import.Stderr);
    }
}
