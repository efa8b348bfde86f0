using MediaGate.Consent.Decisions;
using MediaGate.Consent.Matrix;
using MediaGate.Data.Media;
using MediaGate.Gate.Consents;
using MediaGate.Gate.Renditions;
using MediaGate.Gate.Review;
using MediaGate.Ingest;
using MediaGate.Ingest.Decode;
using MediaGate.Ingest.Encode;
using MediaGate.Storage;
using MediaGate.Testing.Renditions;
using MediaGate.Testing.Text;

namespace MediaGate.Gate.Tests.Renditions;

/// <summary>
/// issue 15: a name painted on a photo is masked in its website rendition and kept in its journal rendition; text
/// is searched only once a website or publicity rendition is wanted; the manager's un-mask is audited and survives a
/// consent re-decision; without a text model no website rendition is made.
/// </summary>
[TestClass]
public sealed class TextMaskingTests
{
    // Luminance spread (5th to 95th percentile) inside the word: printed letters on a label span most of 0..255, the
    // fill from the colours around a mask is smooth.
    private const double LegibleSpread = 120;
    private const double MaskedSpread = 60;

    [TestMethod]
    public async Task Refresh_WebsiteApproved_NameMaskedOnWebsiteAndKeptInTheJournal()
    {
        await using var world = await RenditionWorld.CreateAsync();
        var (item, ava, name) = await PaintedItemAsync(world);

        await world.Review.DecideAsync(item.Id, new ReviewDecision(Purpose.Website, ReviewAction.Release, []), RenditionWorld.Manager);

        var website = await world.RenditionPixelsAsync(item.Id, Purpose.Website, Audience.Public);
        var journal = await world.RenditionPixelsAsync(item.Id, Purpose.Journal, Audience.ParentOf(ava));
        Assert.IsNotNull(website);
        Assert.IsNotNull(journal);
        Assert.IsLessThan(MaskedSpread, Spread(website, name, item.Width!.Value));
        Assert.IsGreaterThan(LegibleSpread, Spread(journal, name, item.Width!.Value));
        var view = await new TextRegionReview(world.Database.Media, world.Database.Audit, world.Database.TextRegions, world.Renditions, world.Time).ViewAsync(item.Id);
        Assert.IsTrue(view!.Scanned);
        StringAssert.EndsWith(view.Sentence, "masked");
    }

    [TestMethod]
    public async Task Refresh_JournalOnly_NoTextSearch()
    {
        await using var world = await RenditionWorld.CreateAsync();
        var (item, _, _) = await PaintedItemAsync(world);

        await world.Renditions.RefreshItemAsync(item.Id);

        Assert.IsNull(await world.Database.TextRegions.ScanOfAsync(item.Id), "text is searched only for photos approved for the website or publicity");
    }

    [TestMethod]
    public async Task SetMaskedAsync_ManagerUnmasks_AuditedWithTheRegionAndKeptThroughAConsentChange()
    {
        await using var world = await RenditionWorld.CreateAsync();
        var (item, ava, name) = await PaintedItemAsync(world);
        await world.Review.DecideAsync(item.Id, new ReviewDecision(Purpose.Website, ReviewAction.Release, []), RenditionWorld.Manager);
        var texts = new TextRegionReview(world.Database.Media, world.Database.Audit, world.Database.TextRegions, world.Renditions, world.Time);
        var region = (await texts.ViewAsync(item.Id))!.Regions.First(r => Overlaps(r, name));

        var after = await texts.SetMaskedAsync(item.Id, region.Number, masked: false, RenditionWorld.Manager);
        await world.Consents.ApplyAsync(new ConsentChange(ava, Purpose.Journal, true, false, "Parent of Ava", "form-2", null), RenditionWorld.Manager);

        Assert.IsFalse(after!.Regions.Single(r => r.Number == region.Number).Masked);
        var audit = (await world.Database.Audit.ReadAsync()).Single(e => e.Action == "text-unmask");
        Assert.AreEqual(item.Id, audit.Subject);
        StringAssert.Contains(audit.Detail, $"\"region\":{region.Number}");
        Assert.IsFalse((await world.Database.TextRegions.OfMediaAsync(item.Id)).Single(r => r.Number == region.Number).Masked);
        var website = await world.RenditionPixelsAsync(item.Id, Purpose.Website, Audience.Public);
        Assert.IsNotNull(website);
        Assert.IsGreaterThan(LegibleSpread, Spread(website, name, item.Width!.Value), "the un-masked name is shown after the re-decision");
    }

    [TestMethod]
    public async Task Refresh_NoTextModel_WebsiteWithheldJournalMade()
    {
        using var none = new TextRegionScanner(() => new IngestFailure(IngestFailureKind.DetectionFailed, "no text model"));
        await using var world = await RenditionWorld.CreateAsync(text: none);
        var (item, ava, _) = await PaintedItemAsync(world);

        await world.Review.DecideAsync(item.Id, new ReviewDecision(Purpose.Website, ReviewAction.Release, []), RenditionWorld.Manager);

        Assert.IsNull(await world.Database.Renditions.FindAsync(item.Id, Purpose.Website, Audience.Public.Key));
        Assert.IsNotNull(await world.Database.Renditions.FindAsync(item.Id, Purpose.Journal, Audience.ParentOf(ava).Key));
    }

    /// <summary>The meeting photo with Ava (website consent) and a name on a label below the second face, written as its master.</summary>
    private static async Task<(MediaItemRecord Item, Consent.People.ChildId Ava, RenderedName Name)> PaintedItemAsync(RenditionWorld world)
    {
        var ava = await world.ChildAsync("Ava Smith", website: true);
        var item = await world.ItemAsync(RenditionWorld.Meeting, [ava], [ava, null, null]);
        var key = ObjectKey.Parse(item.MasterKey!);
        var bytes = await StoredObjects.ReadAllAsync(world.Masters, key, 1 << 26, CancellationToken.None);
        var master = PhotoReader.ReadUpright(bytes!, new IngestLimits()).Value.Image;
        using var painter = new NamePainter(seed: 7);
        var name = painter.Paint(master.Pixels, master.Width, master.Height, "Amelia", 800, 740, 32, 10, 0.05, fontIndex: 0);
        // Masters are written once: the painted copy replaces the stripped one under the same key.
        await world.Masters.DeleteAsync(key, CancellationToken.None);
        await world.Masters.PutAsync(key, new MemoryStream(JpegEncoder.Encode(master, 95).Value));
        return (item, ava, name);
    }

    private static bool Overlaps(TextRegionView region, RenderedName name)
    {
        var (x0, y0, x1, y1) = name.Bounds(int.MaxValue, int.MaxValue);
        return region.X < x1 && region.X + region.W > x0 && region.Y < y1 && region.Y + region.H > y0;
    }

    /// <summary>The luminance spread over the word's box, read in a rendition reduced from a master <paramref name="masterWidth"/> wide.</summary>
    private static double Spread(RgbImage rendition, RenderedName name, int masterWidth)
    {
        double scale = (double)rendition.Width / masterWidth;
        var (x0, y0, x1, y1) = name.Bounds(int.MaxValue, int.MaxValue);
        var values = new List<double>();
        for (int y = (int)(y0 * scale); y < (int)(y1 * scale); y++)
        {
            for (int x = (int)(x0 * scale); x < (int)(x1 * scale); x++)
            {
                if (name.Contains((int)(x / scale), (int)(y / scale)))
                {
                    int o = ((y * rendition.Width) + x) * 3;
                    values.Add((0.299 * rendition.Pixels[o]) + (0.587 * rendition.Pixels[o + 1]) + (0.114 * rendition.Pixels[o + 2]));
                }
            }
        }

        values.Sort();
        return values[(int)(values.Count * 0.95)] - values[(int)(values.Count * 0.05)];
    }
}
