using System.Globalization;
using MediaGate.Ingest.Detect;

namespace MediaGate.Benchmarks;

/// <summary>Reads eval/faces-dev: gt.tsv (`image x y w h`, empty box = no face) and gt_attrs.tsv (WIDER's `invalid`).</summary>
internal static class FacesDevSet
{
    /// <summary>The <paramref name="count"/> photos with the most valid labelled faces of 10 px and more (the group photos
    /// `make-photos` and `maxside-recall` enlarge to tablet size), ties by path.</summary>
    public static IEnumerable<LabelledPhoto> MostFaces(string folder, int count) =>
        Load(folder)
            .OrderByDescending(p => p.Faces.Count(f => !f.Invalid && f.Size >= 10))
            .ThenBy(p => p.RelativePath, StringComparer.Ordinal)
            .Take(count);

    public static List<LabelledPhoto> Load(string folder)
    {
        var invalid = new HashSet<string>(StringComparer.Ordinal);
        var attrsPath = Path.Combine(folder, "gt_attrs.tsv");
        if (File.Exists(attrsPath))
        {
            var lines = File.ReadAllLines(attrsPath);
            var header = lines[0].Split('\t');
            var invalidColumn = Array.IndexOf(header, "invalid");
            foreach (var line in lines.Skip(1))
            {
                var f = line.Split('\t');
                if (invalidColumn >= 0 && f.Length > invalidColumn && f[invalidColumn] == "1")
                {
                    invalid.Add(string.Join('\t', f.Take(5)));
                }
            }
        }

        var photos = new Dictionary<string, List<LabelledFace>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var line in File.ReadAllLines(Path.Combine(folder, "gt.tsv")))
        {
            var f = line.Split('\t');
            if (f.Length == 0 || f[0].Length == 0)
            {
                continue;
            }

            if (!photos.TryGetValue(f[0], out var faces))
            {
                faces = [];
                photos[f[0]] = faces;
                order.Add(f[0]);
            }

            if (f.Length >= 5 && f[1].Length > 0)
            {
                var box = new FaceBox(Parse(f[1]), Parse(f[2]), Parse(f[3]), Parse(f[4]));
                if (box.Width > 0 && box.Height > 0)
                {
                    faces.Add(new LabelledFace(box, invalid.Contains(string.Join('\t', f.Take(5)))));
                }
            }
        }

        return order.Select(p => new LabelledPhoto(p, photos[p])).ToList();
    }

    private static float Parse(string s) => float.Parse(s, CultureInfo.InvariantCulture);
}
