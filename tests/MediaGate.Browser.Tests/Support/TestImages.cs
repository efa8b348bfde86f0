namespace MediaGate.Browser.Tests.Support;

/// <summary>
/// Photos made by the tests from the sample photos (samples/photos, public domain), so that screenshots which may be
/// committed never show the labelled people of ../shared/eval. Drawn by Chromium's canvas in a scratch page of the
/// test's own context, so no image library is needed.
/// </summary>
internal static class TestImages
{
    /// <summary>The astronaut portrait: one clear face (512x512 PNG).</summary>
    public static string Astronaut => Path.Combine(MediaGate.Tests.TestPaths.SamplePhotos, "astronaut.png");

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
}
