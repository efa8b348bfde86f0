using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using MediaGate.Testing.Text;

namespace MediaGate.Service.Tests.Review;

/// <summary>
/// issue 15 over HTTP against a running service: a photo with a name painted on the clothing below the face (Debian
/// font, rotated) is approved for the website; the website copy has the name masked on the pixels while the family's
/// journal copy shows it; the manager's un-mask is audited with the region and survives a consent re-decision; a
/// withdrawal of website consent still empties the feed.
/// </summary>
[TestClass]
public sealed class TextMaskingServiceTests : ServiceTest
{
    // Luminance spread (5th to 95th percentile) inside the word: printed letters on a label span most of 0..255, the
    // fill from the colours around a mask is smooth.
    private const double LegibleSpread = 120;
    private const double MaskedSpread = 60;
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public async Task WebsiteRendition_PhotoWithAName_NameMaskedOnTheWebsiteKeptInTheJournalAndWithdrawalEmptiesTheFeed()
    {
        await using var service = await ServiceProcess.StartAsync(ServiceSettings.Embedded(NewWorkFolder("text-mask"), "text", Models));
        var (nursery, item, name) = await PublishedNamedPhotoAsync(service);
        using (nursery)
        {
            using var site = ApiClient.Website(service.Address, await nursery.Manager.CreateWebsiteKeyAsync("site-" + nursery.Tag));
            Assert.IsTrue(await Poll.UntilAsync(async () => (await site.WebsitePhotosAsync()).Count == 1, Limit), service.LogTail());
            var website = RgbImage.FromJpeg(await site.GetBytesAsync((await site.WebsitePhotosAsync())[0].Url));
            using var journalResponse = await nursery.Ava.Parent.ParentImageAsync(item.MediaId);
            await ApiClient.ExpectAsync(journalResponse, "GET parent image", HttpStatusCode.OK);
            var journal = RgbImage.FromJpeg(await journalResponse.Content.ReadAsByteArrayAsync());

            Assert.IsLessThan(MaskedSpread, Spread(website, name), "the name is masked on the website");
            Assert.IsGreaterThan(LegibleSpread, Spread(journal, name), "the family's journal copy keeps the name");
            var text = await nursery.Manager.GetJsonAsync<JsonElement>($"/api/manager/media/{item.MediaId}/text");
            StringAssert.EndsWith(text.GetProperty("sentence").GetString(), "masked");

            await nursery.Manager.SetConsentAsync(nursery.Ava.ChildId, "website", granted: false);
            Assert.IsTrue(await Poll.UntilAsync(async () => (await site.WebsitePhotosAsync()).Count == 0, Limit), "a withdrawal empties the feed");
        }
    }

    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public async Task Unmask_ManagerShowsARegion_AuditedAndKeptThroughAConsentReDecision()
    {
        await using var service = await ServiceProcess.StartAsync(ServiceSettings.Embedded(NewWorkFolder("text-unmask"), "text", Models));
        var (nursery, item, name) = await PublishedNamedPhotoAsync(service);
        using (nursery)
        {
            var text = await nursery.Manager.GetJsonAsync<JsonElement>($"/api/manager/media/{item.MediaId}/text");
            var region = text.GetProperty("regions").EnumerateArray().First(r => Overlaps(r, name)).GetProperty("number").GetInt32();

            using (var unmask = await nursery.Manager.SendAsync(HttpMethod.Post, $"/api/manager/media/{item.MediaId}/text/{region}/unmask"))
            {
                await ApiClient.ExpectAsync(unmask, "POST unmask", HttpStatusCode.OK);
            }

            await nursery.Manager.SetConsentAsync(nursery.Ava.ChildId, "journal", granted: true, group: true);

            var audit = (await nursery.Manager.AuditAsync()).Single(e => e.GetProperty("action").GetString() == "text-unmask");
            Assert.AreEqual(item.MediaId, audit.GetProperty("subject").GetString());
            StringAssert.Contains(audit.GetProperty("detail").GetString(), $"\"region\":{region}");
            var after = await nursery.Manager.GetJsonAsync<JsonElement>($"/api/manager/media/{item.MediaId}/text");
            Assert.IsFalse(after.GetProperty("regions").EnumerateArray().Single(r => r.GetProperty("number").GetInt32() == region).GetProperty("masked").GetBoolean());
            using var site = ApiClient.Website(service.Address, await nursery.Manager.CreateWebsiteKeyAsync("site-" + nursery.Tag));
            Assert.IsTrue(await Poll.UntilAsync(async () => (await site.WebsitePhotosAsync()).Count == 1, Limit), service.LogTail());
            var website = RgbImage.FromJpeg(await site.GetBytesAsync((await site.WebsitePhotosAsync())[0].Url));
            Assert.IsGreaterThan(LegibleSpread, Spread(website, name), "the un-masked name is shown after the re-decision");
        }
    }

    /// <summary>A solo photo with "Amelia" painted below the face, uploaded with Ava tagged, released and approved for the website.</summary>
    private static async Task<(Nursery Nursery, ItemView Item, RenderedName Name)> PublishedNamedPhotoAsync(ServiceProcess service)
    {
        var nursery = await Nursery.CreateAsync(service.Address);
        await nursery.GrantJournalAsync(avaGroup: false, benGroup: false, caraGroup: false);
        await nursery.Manager.SetConsentAsync(nursery.Ava.ChildId, "website", granted: true);
        var photo = RgbImage.FromJpeg(await File.ReadAllBytesAsync(TestPhotos.Solos[2]));
        using var painter = new NamePainter(seed: 15);
        var name = painter.Paint(photo.Rgb, photo.Width, photo.Height, "Amelia", 516, 1020, 40, -12, 0.08, fontIndex: 1);
        var upload = await nursery.Tablet.UploadAsync([new UploadFile("named.jpg", Jpeg(photo))], [nursery.Ava.ChildId], "Ava in the garden");
        var item = (await nursery.Tablet.WaitUntilDecidedAsync(upload.ObservationId, TimeSpan.FromSeconds(90))).Single();
        Assert.AreEqual("released", item.Status, service.LogTail());
        await nursery.Manager.DecideAsync(item.MediaId, "website", "release");
        return (nursery, item, name);
    }

    private static bool Overlaps(JsonElement region, RenderedName name)
    {
        var (x0, y0, x1, y1) = name.Bounds(int.MaxValue, int.MaxValue);
        double x = region.GetProperty("x").GetDouble(), y = region.GetProperty("y").GetDouble();
        return x < x1 && x + region.GetProperty("w").GetDouble() > x0 && y < y1 && y + region.GetProperty("h").GetDouble() > y0;
    }

    /// <summary>The luminance spread over the word (the rendition has the master's size: 1541 px is under the 2048 px bound).</summary>
    private static double Spread(RgbImage image, RenderedName name)
    {
        var (x0, y0, x1, y1) = name.Bounds(image.Width, image.Height);
        var values = new List<double>();
        for (int y = y0; y < y1; y++)
        {
            for (int x = x0; x < x1; x++)
            {
                if (name.Contains(x, y))
                {
                    int o = ((y * image.Width) + x) * 3;
                    values.Add((0.299 * image.Rgb[o]) + (0.587 * image.Rgb[o + 1]) + (0.114 * image.Rgb[o + 2]));
                }
            }
        }

        values.Sort();
        return values[(int)(values.Count * 0.95)] - values[(int)(values.Count * 0.05)];
    }

    /// <summary>Encodes with libjpeg-turbo's cjpeg (quality 95), not with MediaGate's own encoder.</summary>
    private static byte[] Jpeg(RgbImage image)
    {
        var start = new ProcessStartInfo("cjpeg") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-quality");
        start.ArgumentList.Add("95");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start cjpeg");
        var writing = Task.Run(async () =>
        {
            await process.StandardInput.BaseStream.WriteAsync(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"P6\n{image.Width} {image.Height}\n255\n")));
            await process.StandardInput.BaseStream.WriteAsync(image.Rgb);
            process.StandardInput.Close();
        });
        using var output = new MemoryStream();
        process.StandardOutput.BaseStream.CopyTo(output);
        var errors = process.StandardError.ReadToEnd();
        writing.GetAwaiter().GetResult();
        process.WaitForExit();
        return process.ExitCode == 0 ? output.ToArray() : throw new InvalidOperationException("cjpeg failed: " + errors);
    }
}
