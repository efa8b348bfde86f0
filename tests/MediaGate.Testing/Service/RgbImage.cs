using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace MediaGate.Testing.Service;

/// <summary>
/// A decoded JPEG for pixel checks. Decoded by libjpeg-turbo's <c>djpeg</c> (eng/setup.sh installs
/// libjpeg-turbo-progs), not by MediaGate's own decoder, so the check does not trust the code under test.
/// </summary>
internal sealed class RgbImage
{
    private RgbImage(int width, int height, byte[] rgb)
    {
        Width = width;
        Height = height;
        Rgb = rgb;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Row-major, three bytes per pixel.</summary>
    public byte[] Rgb { get; }

    public static RgbImage FromJpeg(byte[] jpeg)
    {
        ArgumentNullException.ThrowIfNull(jpeg);
        var start = new ProcessStartInfo("djpeg") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-pnm");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start djpeg");
        var writing = Task.Run(async () =>
        {
            await process.StandardInput.BaseStream.WriteAsync(jpeg);
            process.StandardInput.Close();
        });
        using var output = new MemoryStream();
        process.StandardOutput.BaseStream.CopyTo(output);
        var errors = process.StandardError.ReadToEnd();
        writing.GetAwaiter().GetResult();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"djpeg could not decode the JPEG ({jpeg.Length} bytes): {errors}");
        }

        return FromPnm(output.ToArray());
    }

    /// <summary>Mean absolute difference per channel (0-255) between this image and <paramref name="reference"/> over a region.</summary>
    /// <param name="reference">The full-size master; this image may be a reduction of it (same aspect).</param>
    /// <param name="region">In the reference's pixels.</param>
    public double MeanDifference(RgbImage reference, PixelBox region)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var (sum, count) = Accumulate(reference, region, exclude: null, step: 1);
        return count == 0 ? throw new ArgumentException($"region {region} is empty at {Width}x{Height}", nameof(region)) : sum / count;
    }

    /// <summary>The same difference over the whole picture except the given regions: the encoder's and scaler's own noise.</summary>
    public double MeanDifferenceOutside(RgbImage reference, IReadOnlyList<PixelBox> excluded)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var (sum, count) = Accumulate(reference, new PixelBox(0, 0, reference.Width, reference.Height), excluded, step: 3);
        return sum / Math.Max(1, count);
    }

    private (double Sum, long Count) Accumulate(RgbImage reference, PixelBox region, IReadOnlyList<PixelBox>? exclude, int step)
    {
        double scaleX = (double)reference.Width / Width;
        double scaleY = (double)reference.Height / Height;
        int x0 = Math.Max(0, (int)Math.Ceiling(region.X / scaleX));
        int y0 = Math.Max(0, (int)Math.Ceiling(region.Y / scaleY));
        int x1 = Math.Min(Width, (int)Math.Floor((region.X + region.W) / scaleX));
        int y1 = Math.Min(Height, (int)Math.Floor((region.Y + region.H) / scaleY));
        double sum = 0;
        long count = 0;
        for (int y = y0; y < y1; y += step)
        {
            for (int x = x0; x < x1; x += step)
            {
                // This pixel covers [x*sx, (x+1)*sx) of the reference: compare with the reference's average there.
                double rx = x * scaleX;
                double ry = y * scaleY;
                if (exclude is not null && exclude.Any(b => b.Contains(rx, ry)))
                {
                    continue;
                }

                int fx0 = (int)rx;
                int fy0 = (int)ry;
                int fx1 = Math.Min(reference.Width, Math.Max(fx0 + 1, (int)Math.Ceiling((x + 1) * scaleX)));
                int fy1 = Math.Min(reference.Height, Math.Max(fy0 + 1, (int)Math.Ceiling((y + 1) * scaleY)));
                for (int c = 0; c < 3; c++)
                {
                    double total = 0;
                    for (int fy = fy0; fy < fy1; fy++)
                    {
                        for (int fx = fx0; fx < fx1; fx++)
                        {
                            total += reference.Rgb[((fy * reference.Width) + fx) * 3 + c];
                        }
                    }

                    double average = total / ((fx1 - fx0) * (fy1 - fy0));
                    sum += Math.Abs(Rgb[((y * Width) + x) * 3 + c] - average);
                    count++;
                }
            }
        }

        return (sum, count);
    }

    private static RgbImage FromPnm(byte[] pnm)
    {
        int position = 0;
        string Token()
        {
            while (char.IsWhiteSpace((char)pnm[position]))
            {
                position++;
            }

            var text = new StringBuilder();
            while (!char.IsWhiteSpace((char)pnm[position]))
            {
                text.Append((char)pnm[position++]);
            }

            return text.ToString();
        }

        var magic = Token();
        int width = int.Parse(Token(), CultureInfo.InvariantCulture);
        int height = int.Parse(Token(), CultureInfo.InvariantCulture);
        _ = Token(); // maxval 255
        position++;
        var rgb = new byte[width * height * 3];
        if (magic == "P6")
        {
            Array.Copy(pnm, position, rgb, 0, rgb.Length);
        }
        else if (magic == "P5")
        {
            for (int i = 0; i < width * height; i++)
            {
                rgb[i * 3] = rgb[(i * 3) + 1] = rgb[(i * 3) + 2] = pnm[position + i];
            }
        }
        else
        {
            throw new InvalidOperationException("djpeg wrote " + magic);
        }

        return new RgbImage(width, height, rgb);
    }
}
