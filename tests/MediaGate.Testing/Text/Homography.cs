namespace MediaGate.Testing.Text;

/// <summary>A plane projective map (3x3, h33 = 1) solved from four point pairs: the perspective warp of a painted label.</summary>
internal sealed class Homography
{
    private readonly double[] _h;

    private Homography(double[] h) => _h = h;

    /// <summary>The map taking each <paramref name="from"/> corner to the matching <paramref name="to"/> corner.</summary>
    public static Homography Between((double X, double Y)[] from, (double X, double Y)[] to)
    {
        var a = new double[8, 9];
        for (int i = 0; i < 4; i++)
        {
            var (x, y) = from[i];
            var (u, v) = to[i];
            double[] r1 = [x, y, 1, 0, 0, 0, -u * x, -u * y, u];
            double[] r2 = [0, 0, 0, x, y, 1, -v * x, -v * y, v];
            for (int j = 0; j < 9; j++)
            {
                a[2 * i, j] = r1[j];
                a[(2 * i) + 1, j] = r2[j];
            }
        }

        // Gauss-Jordan with partial pivoting on the 8x8 system.
        for (int c = 0; c < 8; c++)
        {
            int pivot = c;
            for (int r = c + 1; r < 8; r++)
            {
                if (Math.Abs(a[r, c]) > Math.Abs(a[pivot, c]))
                {
                    pivot = r;
                }
            }

            for (int j = 0; j < 9; j++)
            {
                (a[c, j], a[pivot, j]) = (a[pivot, j], a[c, j]);
            }

            for (int r = 0; r < 8; r++)
            {
                if (r == c)
                {
                    continue;
                }

                double f = a[r, c] / a[c, c];
                for (int j = c; j < 9; j++)
                {
                    a[r, j] -= f * a[c, j];
                }
            }
        }

        var h = new double[9];
        for (int i = 0; i < 8; i++)
        {
            h[i] = a[i, 8] / a[i, i];
        }

        h[8] = 1;
        return new Homography(h);
    }

    public (double X, double Y) Map(double x, double y)
    {
        double w = (_h[6] * x) + (_h[7] * y) + _h[8];
        return (((_h[0] * x) + (_h[1] * y) + _h[2]) / w, ((_h[3] * x) + (_h[4] * y) + _h[5]) / w);
    }
}
