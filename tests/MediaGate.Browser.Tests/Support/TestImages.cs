namespace MediaGate.Browser.Tests.Support;

/// <summary>
/// Photos made by the tests from the sample photos (samples/photos, public domain), so that screenshots which may be
/// committed never show the labelled people of ../shared/eval. Drawn by Chromium's canvas in a scratch page of the
/// test's own context, so no image library is needed.
/// </summary>
internal static class TestImages
{
    /// <summary>The astronaut portrait: one clear face (512x512 PNG).</summary>
    public static string Astronaut => Path.Combine(TestPaths.SamplePhotos, "astronaut.png");

    /// <summary>
    /// Two copies of the astronaut portrait side by side (1024x512 JPEG): two clear faces, one on the left and one on
    /// the right. Written to <paramref name="folder"/>; answers its path.
    /// </summary>
    public static async Task<string> TwoFacesAsync(IBrowserContext context, string folder)
    {
        ArgumentNullException.ThrowIfNull(context);
        var png = Convert.ToBase64String(await File.ReadAllBytesAsync(Astronaut));
        var scratch = await context.NewPageAsync();
        try
        {
            var jpeg = await scratch.EvaluateAsync<string>("""
                async png => {
                  const image = new Image();
                  image.src = 'data:image/png;base64,' + png;
                  await image.decode();
                  const canvas = document.createElement('canvas');
                  canvas.width = image.naturalWidth * 2;
                  canvas.height = image.naturalHeight;
                  const g = canvas.getContext('2d');
                  g.drawImage(image, 0, 0);
                  g.drawImage(image, image.naturalWidth, 0);
                  return canvas.toDataURL('image/jpeg', 0.92).split(',')[1];
                }
                """, png);
            var path = Path.Combine(folder, "two-astronauts.jpg");
            await File.WriteAllBytesAsync(path, Convert.FromBase64String(jpeg));
            return path;
        }
        finally
        {
            await scratch.CloseAsync();
        }
    }

    /// <summary>
    /// <paramref name="jpeg"/> with an EXIF APP1 segment after SOI holding DateTimeOriginal (<c>YYYY:MM:DD HH:MM:SS</c>)
    /// and OffsetTimeOriginal (<c>+HH:MM</c>), as a camera writes them: a little-endian TIFF structure, IFD0 pointing
    /// to the Exif IFD.
    /// </summary>
    public static byte[] WithCaptureTime(byte[] jpeg, string dateTimeOriginal, string offsetTimeOriginal)
    {
        ArgumentNullException.ThrowIfNull(jpeg);
        var tiff = new List<byte>();
        void U16(int value) => tiff.AddRange([(byte)value, (byte)(value >> 8)]);
        void U32(int value) => tiff.AddRange([(byte)value, (byte)(value >> 8), (byte)(value >> 16), (byte)(value >> 24)]);
        void Entry(int tag, int type, int count, int value)
        {
            U16(tag);
            U16(type);
            U32(count);
            U32(value);
        }

        const int exifIfd = 8 + 2 + 12 + 4;
        const int timeAt = exifIfd + 2 + (2 * 12) + 4;
        var time = System.Text.Encoding.ASCII.GetBytes(dateTimeOriginal + "\0");
        var offset = System.Text.Encoding.ASCII.GetBytes(offsetTimeOriginal + "\0");
        tiff.AddRange("II"u8.ToArray());
        U16(42);
        U32(8);
        U16(1);
        Entry(0x8769, 4, 1, exifIfd);
        U32(0);
        U16(2);
        Entry(0x9003, 2, time.Length, timeAt);
        Entry(0x9011, 2, offset.Length, timeAt + time.Length);
        U32(0);
        tiff.AddRange(time);
        tiff.AddRange(offset);
        int length = 2 + 6 + tiff.Count;
        byte[] app1 = [0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. "Exif\0\0"u8.ToArray(), .. tiff];
        return [.. jpeg[..2], .. app1, .. jpeg[2..]];
    }
}
