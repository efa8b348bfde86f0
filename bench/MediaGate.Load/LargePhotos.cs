using System.Diagnostics;
using System.Globalization;

namespace MediaGate.Load;

/// <summary>
/// Real photos made camera-sized: the faces-dev solo portraits (one clear face each, so every upload can be decided
/// without the manager) upscaled bilinearly to the requested megapixels and encoded by libjpeg-turbo's <c>cjpeg</c>,
/// one quality per tablet so that no two tablets send the same bytes. A little sensor-like noise (up to 6 levels,
/// from a fixed-seed generator) is added, since an upscaled photo is smoother than a camera's and would compress
/// to a third of a real 12 MP JPEG's size.
/// </summary>
internal static class LargePhotos
{
    public static IReadOnlyList<string> Sources { get; } =
    [
        "15--Stock_Market/15_Stock_Market_Stock_Market_15_846.jpg",
        "30--Surgeons/30_Surgeons_Surgeons_30_486.jpg",
        "9--Press_Conference/9_Press_Conference_Press_Conference_9_933.jpg",
        "16--Award_Ceremony/16_Award_Ceremony_Awards_Ceremony_16_490.jpg",
        "49--Greeting/49_Greeting_peoplegreeting_49_203.jpg",
    ];

    /// <summary>Photo <paramref name="index"/> (source index mod 5, quality by index) at <paramref name="megapixels"/>, written under <paramref name="folder"/>.</summary>
    public static string Make(string folder, int index, double megapixels)
    {
        var source = Path.Combine(MediaGate.Testing.TestPaths.FacesDev, "images", Sources[index % Sources.Count]);
        var image = RgbImage.FromJpeg(File.ReadAllBytes(source));
        double scale = Math.Sqrt(megapixels * 1_000_000 / (image.Width * (double)image.Height));
        int width = (int)(image.Width * scale), height = (int)(image.Height * scale);
        var ppm = Path.Combine(folder, $"photo-{index}.ppm");
        uint noise = 2_463_534_242u + (uint)index;
        using (var output = new FileStream(ppm, FileMode.Create))
        {
            output.Write(System.Text.Encoding.ASCII.GetBytes($"P6\n{width} {height}\n255\n"));
            var row = new byte[width * 3];
            for (int y = 0; y < height; y++)
            {
                double sy = Math.Min(image.Height - 1.001, Math.Max(0, ((y + 0.5) / scale) - 0.5));
                int y0 = (int)sy;
                double fy = sy - y0;
                for (int x = 0; x < width; x++)
                {
                    double sx = Math.Min(image.Width - 1.001, Math.Max(0, ((x + 0.5) / scale) - 0.5));
                    int x0 = (int)sx;
                    double fx = sx - x0;
                    for (int c = 0; c < 3; c++)
                    {
                        double top = (Sample(image, x0, y0, c) * (1 - fx)) + (Sample(image, x0 + 1, y0, c) * fx);
                        double bottom = (Sample(image, x0, y0 + 1, c) * (1 - fx)) + (Sample(image, x0 + 1, y0 + 1, c) * fx);
                        // xorshift32: cheap, deterministic grain.
                        noise ^= noise << 13;
                        noise ^= noise >> 17;
                        noise ^= noise << 5;
                        double grain = (noise % 13) - 6.0;
                        row[(x * 3) + c] = (byte)Math.Clamp(Math.Round((top * (1 - fy)) + (bottom * fy) + grain), 0, 255);
                    }
                }

                output.Write(row);
            }
        }

        var jpeg = Path.Combine(folder, $"photo-{index}.jpg");
        var quality = (80 + (index % 18)).ToString(CultureInfo.InvariantCulture);
        var start = new ProcessStartInfo("cjpeg") { UseShellExecute = false, RedirectStandardError = true };
        foreach (var argument in new[] { "-quality", quality, "-outfile", jpeg, ppm })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start cjpeg");
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        File.Delete(ppm);
        return process.ExitCode == 0 ? jpeg : throw new InvalidOperationException("cjpeg failed: " + errors);
    }

    private static byte Sample(RgbImage image, int x, int y, int channel) =>
        image.Rgb[(((Math.Min(y, image.Height - 1) * image.Width) + Math.Min(x, image.Width - 1)) * 3) + channel];
}
