using MediaGate.Gate.Observations;
using MediaGate.Gate.Tablets;
using MediaGate.Ingest;
using MediaGate.Ingest.Decode;
using MediaGate.Ingest.Encode;
using MediaGate.Storage;
using MediaGate.Testing.Renditions;

namespace MediaGate.Gate.Tests.Renditions;

/// <summary>
/// Attacks on commit 325affb at the service level: renders and tablet previews read the master for their size (a JPEG
/// larger than it decoded in the DCT at an eighth). The faces and text stored for an item are in pixels of the master
/// the item recorded, so a master of any other size must be withheld, never decoded at some eighth and masked where
/// the boxes happen to fall.
/// </summary>
[TestClass]
public sealed class ScaledMasterReadTests
{
    [TestMethod]
    [DataRow(2.0, 0)]
    [DataRow(2.0, 6)]
    [DataRow(1.001, 0)]
    public async Task RefreshAsync_MasterNotTheSizeTheItemRecorded_WithholdsEveryRendition(double enlarge, int orientation)
    {
        // The Meeting photo is 1024 px wide, renditions 512: the recorded master is itself read at 4/8. A master twice
        // as large (read at 2/8, the same 512 px picture) or one pixel wider would still "fit" a scaled read.
        await using var world = await RenditionWorld.CreateAsync();
        var ava = await world.ChildAsync("Ava Smith");
        var ben = await world.ChildAsync("Ben Jones", group: false);
        var item = await world.ItemAsync(RenditionWorld.Meeting, [ava, ben], [ava, ben, null]);
        var upright = RenditionWorld.MasterPixels(RenditionWorld.Meeting);
        var other = Enlarged(upright, (int)Math.Ceiling(upright.Width * enlarge), (int)Math.Ceiling(upright.Height * enlarge));
        var key = ObjectKey.Parse(item.MasterKey!);
        await world.Masters.DeleteAsync(key);
        await world.Masters.PutAsync(key, new MemoryStream(Jpeg(other, orientation)));

        var result = await world.Renditions.RefreshItemAsync(item.Id);

        Assert.AreEqual(0, result.Made, "a rendition was made from a master that is not the size the item recorded");
        Assert.IsGreaterThan(0, result.Failed, "the withheld renditions are counted as failures");
        Assert.IsEmpty(world.RenditionFiles());
    }

    [TestMethod]
    public async Task RefreshAsync_MasterTheRecordedSize_RendersAsBefore()
    {
        // The control for the test above: the same world and item, the master left as recorded.
        await using var world = await RenditionWorld.CreateAsync();
        var ava = await world.ChildAsync("Ava Smith");
        var ben = await world.ChildAsync("Ben Jones", group: false);
        var item = await world.ItemAsync(RenditionWorld.Meeting, [ava, ben], [ava, ben, null]);

        var result = await world.Renditions.RefreshItemAsync(item.Id);

        Assert.AreEqual(2, result.Made);
        Assert.AreEqual(0, result.Failed);
    }

    /// <summary>
    /// A rotated 12 MP photo (4000x3000 stored, EXIF 6 or 8, so 3000x4000 upright) previewed for a tablet: read at 3/8
    /// (1125x1500) and reduced to 768x1024, it must be the upright picture a full decode reduced gives. Once as the
    /// pipeline stores it (stripped, turned losslessly) and once as a master that still carries its orientation.
    /// </summary>
    [TestMethod]
    [DataRow(6, true)]
    [DataRow(6, false)]
    [DataRow(8, false)]
    [DataRow(3, false)]
    public async Task TabletPreview_RotatedTwelveMegapixelPhoto_IsTheUprightFullDecodeReduced(int orientation, bool stripped)
    {
        await using var world = await RenditionWorld.CreateAsync();
        var ava = await world.ChildAsync("Ava Smith");
        var item = await world.ItemAsync(RenditionWorld.Meeting, [ava], [ava, null, null]);
        var photo = Jpeg(TwelveMegapixels(), orientation);
        if (stripped)
        {
            var strip = new IngestPipeline(null, world.Ingest).Strip(new PhotoContext(photo));
            Assert.IsTrue(strip.IsSuccess, strip.Failure?.ToString());
            photo = strip.Value.Output!;
        }

        var key = ObjectKey.Parse(item.MasterKey!);
        await world.Masters.DeleteAsync(key);
        await world.Masters.PutAsync(key, new MemoryStream(photo));
        var preview = new TabletPreview(
            world.Database.Audit, world.Database.Media, world.Database.Videos, world.Masters,
            Microsoft.Extensions.Options.Options.Create(world.Ingest), world.Pixels, world.Time);

        var jpeg = await preview.RenderAsync(item.Id, new TabletCaller("tablet-1", "staff-1"), CancellationToken.None);

        Assert.IsNotNull(jpeg, "no preview");
        var shown = PhotoReader.ReadUpright(jpeg, new IngestLimits()).Value.Image;
        var full = PhotoReader.ReadUpright(photo, world.Ingest.Limits).Value.Image;
        // 4000x3000 for 1024 px: decoded in the DCT at 2/8 (1000x750, SIMD) rather than 3/8 (1500x1125) and reduced.
        int expectedWidth = orientation >= 5 ? 750 : 1000, expectedHeight = orientation >= 5 ? 1000 : 750;
        Assert.AreEqual((expectedWidth, expectedHeight), (shown.Width, shown.Height), "the preview is upright and at the 2/8 decode's size, under 1024 px");
        var reference = Pixels.PlainReduction(full, 1000);
        Assert.AreEqual((shown.Width, shown.Height), (reference.Width, reference.Height));
        double mean = reference.Pixels.Zip(shown.Pixels, (a, b) => Math.Abs(a - b)).Average();
        Assert.IsLessThan(3.0, mean, $"the preview differs from the full decode reduced by {mean:F2} levels on average");
        Assert.AreEqual(0, world.Pixels.InFlight, "the preview gives its pixels back");
    }

    /// <summary>Nearest-neighbour enlargement.</summary>
    private static RgbImage Enlarged(RgbImage image, int width, int height)
    {
        var large = new RgbImage(width, height);
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                image.Pixels.AsSpan(((y * image.Height / height * image.Width) + (x * image.Width / width)) * 3, 3).CopyTo(large.Pixels.AsSpan(((y * width) + x) * 3, 3));
            }
        }

        return large;
    }

    /// <summary>Four coloured quadrants with a soft diagonal gradient, so any turn or flip shows.</summary>
    private static RgbImage TwelveMegapixels()
    {
        var image = new RgbImage(4000, 3000);
        for (int y = 0; y < image.Height; y++)
        {
            var row = image.Row(y);
            for (int x = 0; x < image.Width; x++)
            {
                int shade = (x + y) * 60 / 7000;
                var (r, g, b) = (x < 2000, y < 1500) switch
                {
                    (true, true) => (200, 40, 40),
                    (false, true) => (40, 200, 40),
                    (true, false) => (40, 40, 200),
                    _ => (190, 190, 190),
                };
                row[x * 3] = (byte)(r + shade - 30);
                row[(x * 3) + 1] = (byte)(g + shade - 30);
                row[(x * 3) + 2] = (byte)(b + shade - 30);
            }
        }

        return image;
    }

    /// <summary>A baseline JPEG of the pixels, with an EXIF orientation (0: none).</summary>
    private static byte[] Jpeg(RgbImage image, int orientation)
    {
        var jpeg = JpegEncoder.Encode(image, 92).Value;
        if (orientation == 0)
        {
            return jpeg;
        }

        // APP1 "Exif\0\0" + a little-endian TIFF whose IFD0 holds only Orientation (0x0112, SHORT), right after SOI.
        byte[] payload = [.. "Exif\0\0"u8, (byte)'I', (byte)'I', 42, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, (byte)orientation, 0, 0, 0, 0, 0, 0, 0];
        int length = payload.Length + 2;
        return [.. jpeg[..2], 0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. payload, .. jpeg[2..]];
    }
}
