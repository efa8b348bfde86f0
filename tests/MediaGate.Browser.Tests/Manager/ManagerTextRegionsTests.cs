using System.Text.Json;

namespace MediaGate.Browser.Tests.Manager;

/// <summary>
/// issue 15 in the console: once the manager approves a photo with a name on it for the website, the review card shows
/// the text found as numbered boxes on the master and says how many are masked; the manager shows a region that names
/// no child, and the service records (and audits) it. The photo is the sample astronaut portrait with a name label
/// drawn below the face by the browser's canvas (no labelled person).
/// </summary>
[TestClass]
public sealed class ManagerTextRegionsTests : BrowserTest
{
    private static readonly TimeSpan ProcessingLimit = TimeSpan.FromSeconds(120);

    [TestMethod]
    public async Task ReviewCard_WebsiteApprovalOfAPhotoWithAName_ShowsTheTextBoxesAndUnmasksOne()
    {
        var service = await StartServiceAsync();
        using var nursery = await Nursery.CreateAsync(service.Address);
        var ava = nursery.Ava;
        await nursery.GrantJournalAsync(avaGroup: false, benGroup: false, caraGroup: false);
        await nursery.Manager.SetConsentAsync(ava.ChildId, "website", granted: true);
        var page = await NewPageAsync(service);
        var photo = await NamedAstronautAsync(page.Context, NewWorkFolder("photos"));
        var upload = await nursery.Tablet.UploadAsync([UploadFile.FromPath(photo)], [ava.ChildId], "Dressing up");
        var item = (await nursery.Tablet.WaitUntilDecidedAsync(upload.ObservationId, ProcessingLimit)).Single();
        Assert.AreEqual("released", item.Status);

        await ManagerConsole.SignInAsync(page, "review.html?view=publishable");
        var card = page.Page.Locator($"article[data-media='{item.MediaId}']");
        await card.Locator("img").WaitForAsync();
        await Assertions.Expect(card.GetByLabel("Purpose")).ToHaveValueAsync("website");
        await card.GetByRole(AriaRole.Button, new() { Name = "Approve for website", Exact = true }).ClickAsync();

        var section = card.GetByRole(AriaRole.Region, new() { Name = "Text in the photo" });
        await Assertions.Expect(section.Locator(".text-sentence")).ToContainTextAsync("masked on the website and in publicity");
        await Assertions.Expect(card.Locator(".face-frame .text-box").First).ToBeAttachedAsync();
        await CheckAsync(page, "text regions on the review card", screenshot: "manager-text-regions");

        await section.GetByRole(AriaRole.Button, new() { Name = "Show text T1: it names no child" }).ClickAsync();
        await Assertions.Expect(section.GetByRole(AriaRole.Status)).ToContainTextAsync("Text T1 is shown on the website and in publicity.");
        await Assertions.Expect(section.GetByRole(AriaRole.Button, new() { Name = "Mask text T1 again" })).ToBeVisibleAsync();
        await Assertions.Expect(card.Locator(".face-frame .text-box.shown")).ToHaveCountAsync(1);
        var text = await nursery.Manager.GetJsonAsync<JsonElement>($"/api/manager/media/{item.MediaId}/text");
        Assert.IsFalse(text.GetProperty("regions")[0].GetProperty("masked").GetBoolean());
        await CheckAsync(page, "text region un-masked");
    }

    /// <summary>The astronaut portrait with a white name label on the suit below the face, as a JPEG in <paramref name="folder"/>.</summary>
    private static async Task<string> NamedAstronautAsync(IBrowserContext context, string folder)
    {
        var png = Convert.ToBase64String(await File.ReadAllBytesAsync(TestImages.Astronaut));
        var scratch = await context.NewPageAsync();
        try
        {
            var jpeg = await scratch.EvaluateAsync<string>("""
                async png => {
                  const image = new Image();
                  image.src = 'data:image/png;base64,' + png;
                  await image.decode();
                  const canvas = document.createElement('canvas');
                  canvas.width = image.naturalWidth;
                  canvas.height = image.naturalHeight;
                  const g = canvas.getContext('2d');
                  g.drawImage(image, 0, 0);
                  g.fillStyle = '#fafaf5';
                  g.fillRect(150, 330, 200, 56);
                  g.fillStyle = '#14141c';
                  g.font = 'bold 36px "DejaVu Sans", sans-serif';
                  g.textBaseline = 'middle';
                  g.fillText('AMELIA', 162, 359);
                  return canvas.toDataURL('image/jpeg', 0.92).split(',')[1];
                }
                """, png);
            var path = Path.Combine(folder, "named-astronaut.jpg");
            await File.WriteAllBytesAsync(path, Convert.FromBase64String(jpeg));
            return path;
        }
        finally
        {
            await scratch.CloseAsync();
        }
    }
}
