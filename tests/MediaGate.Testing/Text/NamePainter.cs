using System.Diagnostics;

namespace MediaGate.Testing.Text;

/// <summary>
/// Paints children's first names onto photos the way they appear in nursery pictures (issue 15): on label-like
/// rectangles (a name tag, a peg label, a printed jumper), in Debian's fonts (DejaVu and Liberation, Sans and Serif,
/// regular and bold, found with fc-list), upper or mixed case, rotated up to 30 degrees and warped in perspective,
/// at a chosen x-height. Keeps each word's box as ground truth. Deterministic for a seed.
/// </summary>
internal sealed class NamePainter : IDisposable
{
    private static readonly string[] Names =
    [
        "Amelia", "Oliver", "Isla", "Noah", "Freya", "Leo", "Ava", "Arthur", "Mia", "Theo", "Evie", "Harry", "Lily", "Oscar",
        "Grace", "Jack", "Sophie", "Alfie", "Poppy", "Henry", "Ruby", "Charlie", "Willow", "Finley", "Rosie", "Jacob", "Daisy",
        "Muhammad", "Zara", "Ethan", "Maja", "Tomasz", "Aisha", "Yusuf", "Chloe", "Samuel", "Hannah", "Lucas", "Emily", "Max",
    ];

    private static readonly (byte R, byte G, byte B)[] LabelColours =
        [(250, 250, 245), (255, 236, 120), (200, 230, 255), (255, 205, 215), (210, 245, 200), (40, 40, 48), (25, 60, 140), (160, 20, 30)];

    private readonly List<FreeTypeFont> _fonts;
    private readonly Random _random;

    public NamePainter(int seed)
    {
        _fonts = FontFiles().Select(f => new FreeTypeFont(f)).ToList();
        if (_fonts.Count == 0)
        {
            throw new InvalidOperationException("no DejaVu or Liberation fonts found by fc-list (eng/setup.sh installs them)");
        }

        _random = new Random(seed);
    }

    /// <summary>The font files used, one per family and weight.</summary>
    public IReadOnlyList<string> Fonts => _fonts.Select(f => f.Path).ToList();

    /// <summary>Debian's DejaVu and Liberation Sans and Serif, regular and bold (no italic, mono, condensed or light).</summary>
    public static List<string> FontFiles()
    {
        using var process = Process.Start(new ProcessStartInfo("fc-list", "--format=%{file}\\n") { RedirectStandardOutput = true, UseShellExecute = false })
            ?? throw new InvalidOperationException("fc-list did not start");
        var files = process.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        process.WaitForExit();
        string[] wanted = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf", "LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf", "LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf"];
        return wanted.Select(w => files.FirstOrDefault(f => Path.GetFileName(f) == w)).OfType<string>().ToList();
    }

    /// <summary>A random name, upper or mixed case.</summary>
    public string NextName()
    {
        var name = Names[_random.Next(Names.Length)];
        return _random.Next(3) == 0 ? name.ToUpperInvariant() : name;
    }

    /// <summary>
    /// Paints <paramref name="word"/> into the RGB pixels <paramref name="rgb"/> (row-major, 3 bytes each), centred at (cx, cy) on a label, with x-height <paramref name="xHeight"/> pixels,
    /// rotated by <paramref name="degrees"/> and warped by up to <paramref name="perspective"/> of the label's size at each corner.
    /// </summary>
    public RenderedName Paint(byte[] rgb, int width, int height, string word, double cx, double cy, double xHeight, double degrees, double perspective, int? fontIndex = null)
    {
        ArgumentNullException.ThrowIfNull(rgb);
        var font = _fonts[fontIndex ?? _random.Next(_fonts.Count)];
        int size = Math.Max(4, (int)Math.Round(xHeight / font.XHeightPerPixel));
        var (ink, iw, ih) = font.Render(word, size);
        var label = LabelColours[_random.Next(LabelColours.Length)];
        bool dark = (label.R + label.G + label.B) < 300;
        var textColour = dark ? ((byte)245, (byte)245, (byte)240) : ((byte)20, (byte)20, (byte)28);
        int pad = Math.Max(2, (int)Math.Round(xHeight * 0.6));
        int lw = iw + (2 * pad), lh = ih + (2 * pad);

        // Label corners: centred rectangle, rotated, each corner moved by up to `perspective` of the label's size.
        double angle = degrees * Math.PI / 180.0, cos = Math.Cos(angle), sin = Math.Sin(angle);
        var destination = new (double X, double Y)[4];
        (double X, double Y)[] source = [(0, 0), (lw, 0), (lw, lh), (0, lh)];
        for (int i = 0; i < 4; i++)
        {
            double ux = source[i].X - (lw / 2.0) + ((_random.NextDouble() * 2) - 1) * perspective * lw;
            double uy = source[i].Y - (lh / 2.0) + ((_random.NextDouble() * 2) - 1) * perspective * lh;
            destination[i] = (cx + (ux * cos) - (uy * sin), cy + (ux * sin) + (uy * cos));
        }

        var toLabel = Homography.Between(destination, source);
        var toPhoto = Homography.Between(source, destination);
        int x0 = Math.Max(0, (int)Math.Floor(destination.Min(d => d.X))), x1 = Math.Min(width, (int)Math.Ceiling(destination.Max(d => d.X)) + 1);
        int y0 = Math.Max(0, (int)Math.Floor(destination.Min(d => d.Y))), y1 = Math.Min(height, (int)Math.Ceiling(destination.Max(d => d.Y)) + 1);
        var px = rgb;
        for (int y = y0; y < y1; y++)
        {
            for (int x = x0; x < x1; x++)
            {
                var (lx, ly) = toLabel.Map(x + 0.5, y + 0.5);
                if (lx < 0 || ly < 0 || lx >= lw || ly >= lh)
                {
                    continue;
                }

                double a = Sample(ink, iw, ih, lx - pad - 0.5, ly - pad - 0.5) / 255.0;
                int o = ((y * width) + x) * 3;
                px[o] = (byte)Math.Round((label.R * (1 - a)) + (textColour.Item1 * a));
                px[o + 1] = (byte)Math.Round((label.G * (1 - a)) + (textColour.Item2 * a));
                px[o + 2] = (byte)Math.Round((label.B * (1 - a)) + (textColour.Item3 * a));
            }
        }

        (double X, double Y)[] word4 = [(pad, pad), (pad + iw, pad), (pad + iw, pad + ih), (pad, pad + ih)];
        return new RenderedName(word, font.Path, xHeight, word4.Select(p => toPhoto.Map(p.X, p.Y)).ToArray());
    }

    /// <summary>
    /// Paints one to three names on a photo: under labelled faces (on the clothing, about 1.6 face heights below the
    /// face's centre) when there are faces, else anywhere; x-heights drawn uniformly from
    /// [<paramref name="minXHeight"/>, <paramref name="maxXHeight"/>], rotation within +-30 degrees, perspective up to 15%.
    /// </summary>
    public List<RenderedName> PaintSome(byte[] rgb, int width, int height, IReadOnlyList<(float X, float Y, float W, float H)> faces, double minXHeight, double maxXHeight)
    {
        ArgumentNullException.ThrowIfNull(rgb);
        ArgumentNullException.ThrowIfNull(faces);
        var painted = new List<RenderedName>();
        int count = 1 + _random.Next(3);
        var order = faces.OrderBy(_ => _random.Next()).ToList();
        for (int n = 0; n < count; n++)
        {
            double xh = minXHeight + (_random.NextDouble() * (maxXHeight - minXHeight));
            double cx, cy;
            if (n < order.Count)
            {
                var f = order[n];
                cx = f.X + (f.W / 2) + (((_random.NextDouble() * 2) - 1) * f.W * 0.3);
                cy = f.Y + (f.H / 2) + (f.H * (1.3 + (_random.NextDouble() * 0.6)));
            }
            else
            {
                cx = width * (0.15 + (0.7 * _random.NextDouble()));
                cy = height * (0.15 + (0.7 * _random.NextDouble()));
            }

            // Keep the whole label in the photo: a name cut by the edge is not a whole name to count.
            double margin = xh * 8;
            cx = Math.Clamp(cx, margin, width - margin);
            cy = Math.Clamp(cy, xh * 3, height - (xh * 3));
            var name = Paint(rgb, width, height, NextName(), cx, cy, xh, ((_random.NextDouble() * 2) - 1) * 30, _random.NextDouble() * 0.15);
            var (bx0, by0, bx1, by1) = name.Bounds(width, height);
            if (name.Corners.All(c => c.X >= 0 && c.Y >= 0 && c.X < width && c.Y < height) && bx1 > bx0 && by1 > by0)
            {
                painted.Add(name);
            }
        }

        return painted;
    }

    public void Dispose()
    {
        foreach (var font in _fonts)
        {
            font.Dispose();
        }
    }

    private static double Sample(byte[] ink, int width, int height, double x, double y)
    {
        int xi = (int)Math.Floor(x), yi = (int)Math.Floor(y);
        double fx = x - xi, fy = y - yi;
        return (At(xi, yi) * (1 - fx) * (1 - fy)) + (At(xi + 1, yi) * fx * (1 - fy)) + (At(xi, yi + 1) * (1 - fx) * fy) + (At(xi + 1, yi + 1) * fx * fy);

        double At(int ax, int ay) => (uint)ax < (uint)width && (uint)ay < (uint)height ? ink[(ay * width) + ax] : 0;
    }
}
