using System.Text;

namespace MediaGate.Browser.Tests.Manager;

/// <summary>The consent grid's CSV export and import (issue 8 §3) through the page, checked against the grid and the API.</summary>
[TestClass]
public sealed class ManagerConsentCsvTests : BrowserTest
{
    [TestMethod]
    public async Task ConsentsPage_ExportThenImport_DownloadHoldsTheMatrixAndImportedConsentShownInGrid()
    {
        var service = await StartServiceAsync();
        using var manager = await ApiClient.SignInAsync(service.Address, ServiceSettings.ManagerUsername, ServiceSettings.ManagerPassword);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var childName = $"Finn Zq{tag}";
        var childId = await manager.CreateChildAsync(childName, "Wrens");
        await manager.SetConsentAsync(childId, "journal", granted: true);
        var page = await NewPageAsync(service);
        await ManagerConsole.SignInAsync(page, "consents.html");

        var download = await page.Page.RunAndWaitForDownloadAsync(() =>
            page.Page.GetByRole(AriaRole.Button, new() { Name = "Export consents.csv" }).ClickAsync());
        Assert.AreEqual("consents.csv", download.SuggestedFilename);
        var exported = await File.ReadAllTextAsync(await download.PathAsync());
        StringAssert.Contains(exported, childId);
        StringAssert.Contains(exported, childName);

        var today = TimeProvider.System.GetUtcNow().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var csv = "child_id,child_name,journal,journal_group,website,publicity,events,given_by,evidence,given_on,lapses_on\n" +
                  $"{childId},{childName},,,yes,,,Finn's father,Form W-{tag},{today},\n";
        await page.Page.GetByLabel("CSV file to import").SetInputFilesAsync(new FilePayload
        {
            Name = "consents.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes(csv),
        });
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();

        await Assertions.Expect(page.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Imported" })).ToContainTextAsync("Imported 1 consent record(s)");
        var cell = page.Page.Locator($"tr[data-child='{childId}'] td[data-purpose='website']");
        await Assertions.Expect(cell).ToHaveAttributeAsync("data-status", "granted");
        await Assertions.Expect(cell).ToContainTextAsync("Finn's father");
        var matrix = await manager.GetJsonAsync<System.Text.Json.JsonElement>("/api/manager/consents");
        var row = matrix.EnumerateArray().Single(r => r.GetProperty("childId").GetString() == childId);
        Assert.IsTrue(row.GetProperty("cells").GetProperty("website").GetProperty("granted").GetBoolean(), "the import saved the website consent");
        await CheckAsync(page, "consent grid after an import");
    }
}
