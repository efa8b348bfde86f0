using System.Globalization;

namespace MediaGate.Load;

/// <summary>
/// A nursery-sized day of small photos (issue 12, section 3): the first faces-dev photos, in path order, with one or
/// two labelled faces of at least 20 px, read from ../shared at run time (never copied into the repository). They are
/// WIDER FACE photos of about 1 MP (1024 px wide), the size of the day that took 38 s at the 95th percentile.
/// </summary>
internal static class SmallPhotos
{
    public static IReadOnlyList<string> Pick(int count)
    {
        var faces = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(MediaGate.Testing.TestPaths.FacesDev, "gt.tsv")))
        {
            var fields = line.Split('\t');
            if (!faces.TryGetValue(fields[0], out var sizes))
            {
                faces[fields[0]] = sizes = [];
            }

            if (fields.Length >= 5 && fields[3].Length > 0)
            {
                sizes.Add(Math.Min(int.Parse(fields[3], CultureInfo.InvariantCulture), int.Parse(fields[4], CultureInfo.InvariantCulture)));
            }
        }

        var picked = faces
            .Where(f => f.Value.Count is 1 or 2 && f.Value.All(size => size >= 20))
            .Select(f => f.Key)
            .Order(StringComparer.Ordinal)
            .Take(count)
            .Select(relative => Path.Combine(MediaGate.Testing.TestPaths.FacesDev, relative))
            .ToList();
        return picked.Count == count
            ? picked
            : throw new ArgumentException($"faces-dev has only {picked.Count} photos with one or two faces of 20 px and more");
    }
}
