using System.Text.Json;

namespace MediaGate.Browser.Tests.Manager;

/// <summary>
/// The dashboard (issue 8 §3; README GET /api/manager/dashboard): the page shows what the API answers (today's
/// counts, the per-day series as a chart and as a table, the consents due for review) after a real photo is processed.
/// </summary>
[TestClass]
public sealed class ManagerDashboardTests : BrowserTest
{
    [TestMethod]
    public async Task Dashboard_AfterAReleasedPhotoAndAConsentDueForReview_TilesTableChartAndDueListShowTheApisNumbers()
    {
        var service = await StartServiceAsync();
        using var nursery = await Nursery.CreateAsync(service.Address);
        await nursery.GrantJournalAsync(avaGroup: false, benGroup: false, caraGroup: false);
        var upload = await nursery.Tablet.UploadAsync([UploadFile.FromPath(TestPhotos.Solos[2])], [nursery.Ava.ChildId], "Story time");
        var item = (await nursery.Tablet.WaitUntilDecidedAsync(upload.ObservationId, TimeSpan.FromSeconds(120))).Single();
        Assert.AreEqual("released", item.Status);
        // One face and two tagged children: held until someone says whose face it is, so the dashboard has a hold reason.
        var held = await nursery.Tablet.UploadAsync([UploadFile.FromPath(TestPhotos.Solos[1])], [nursery.Ava.ChildId, nursery.Ben.ChildId], "Building");
        Assert.AreEqual("needs-assignment", (await nursery.Tablet.WaitUntilDecidedAsync(held.ObservationId, TimeSpan.FromSeconds(120))).Single().Status);
        var reviewOn = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(10);
        using (var consent = await nursery.Manager.SendAsync(HttpMethod.Put, $"/api/manager/consents/{nursery.Cara.ChildId}/website",
            ApiClient.JsonBody(new { granted = true, givenBy = "Cara's mother", evidence = "Form C", expiresOn = reviewOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) })))
        {
            await ApiClient.ExpectAsync(consent, "PUT consent with a review date", System.Net.HttpStatusCode.OK);
        }

        var board = await nursery.Manager.GetJsonAsync<JsonElement>("/api/manager/dashboard?days=14");
        Assert.AreEqual(2, board.GetProperty("today").GetProperty("uploaded").GetInt32(), "the API counts today's uploads");
        var reason = board.GetProperty("holdReasons")[0];

        var page = await NewPageAsync(service);
        await ManagerConsole.SignInAsync(page, "index.html");

        var uploadedTile = page.Page.Locator(".tile", new() { HasText = "Uploaded" });
        await Assertions.Expect(uploadedTile.Locator("dd")).ToHaveTextAsync("2");
        await Assertions.Expect(page.Page.Locator(".tile", new() { HasText = "Released" }).Locator("dd"))
            .ToHaveTextAsync(board.GetProperty("today").GetProperty("released").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
        var perDay = board.GetProperty("perDay");
        await Assertions.Expect(page.Page.Locator("table.per-day tbody tr")).ToHaveCountAsync(perDay.GetArrayLength());
        var lastDay = perDay[perDay.GetArrayLength() - 1];
        var lastRow = page.Page.Locator("table.per-day tbody tr").Last;
        await Assertions.Expect(lastRow.Locator("th")).ToHaveTextAsync(lastDay.GetProperty("date").GetString()!);
        await Assertions.Expect(lastRow.Locator("td").First).ToHaveTextAsync(lastDay.GetProperty("uploaded").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.IsTrue(await page.Page.Locator("#chart canvas").EvaluateAsync<bool>("c => c.width > 0 && c.height > 0"), "the chart is drawn");
        await Assertions.Expect(page.Page.GetByRole(AriaRole.Img, new() { NameRegex = new System.Text.RegularExpressions.Regex("Line chart") })).ToBeVisibleAsync();
        // The hold reason is the API's sentence, not its code.
        var reasonRow = page.Page.Locator($"section[aria-labelledby='reasons-title'] tbody tr[data-reason='{reason.GetProperty("reason").GetString()}']");
        await Assertions.Expect(reasonRow.Locator("td").First).ToHaveTextAsync(reason.GetProperty("sentence").GetString()!);
        await Assertions.Expect(reasonRow.Locator("td").First).Not.ToHaveTextAsync(reason.GetProperty("reason").GetString()!);
        var due = page.Page.Locator("section[aria-labelledby='due-title'] tbody tr", new() { HasText = nursery.Cara.ChildName });
        await Assertions.Expect(due).ToContainTextAsync("Website");
        await Assertions.Expect(due).ToContainTextAsync(reviewOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await CheckAsync(page, "dashboard", screenshot: "manager-dashboard");

        // On a phone the page fits the screen: the per-day table's five columns do not push it sideways. The chart is
        // redrawn at the new width on the window's resize event, so the page is given a moment to settle first.
        await page.Page.SetViewportSizeAsync(Screens.Phone.Width, Screens.Phone.Height);
        const string Fits = "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth";
        try
        {
            await page.Page.WaitForFunctionAsync(Fits, null, new() { Timeout = 5_000 });
        }
        catch (TimeoutException)
        {
            // Measured below, for the message.
        }

        var widths = await page.Page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.IsTrue(widths[0] <= widths[1], $"the dashboard is {widths[0]} px wide on a {widths[1]} px phone");
    }
}
