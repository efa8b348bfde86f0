using System.Globalization;

namespace MediaGate.Service.Tests.NurseryDay;

/// <summary>
/// A photo of ../shared/eval/faces-dev with its labelled faces (gt.tsv: path, x, y, w, h per face, in the upright
/// image's pixels). Read at run time from the shared folder; never copied into the repository.
/// </summary>
internal sealed record LabelledPhoto(string RelativePath, string FullPath, IReadOnlyList<PixelBox> Faces)
{
    /// <summary>Every photo of gt.tsv in the order of its first line, with all its labelled faces.</summary>
    public static IReadOnlyList<LabelledPhoto> LoadAll(string facesDevFolder)
    {
        var order = new List<string>();
        var faces = new Dictionary<string, List<PixelBox>>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(facesDevFolder, "gt.tsv")))
        {
            var cells = line.Split('\t');
            if (cells.Length < 5 || !double.TryParse(cells[1], NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                continue;
            }

            if (!faces.TryGetValue(cells[0], out var list))
            {
                faces[cells[0]] = list = [];
                order.Add(cells[0]);
            }

            double Cell(int i) => double.Parse(cells[i], CultureInfo.InvariantCulture);
            list.Add(new PixelBox(Cell(1), Cell(2), Cell(3), Cell(4)));
        }

        return order.Select(p => new LabelledPhoto(p, Path.Combine(facesDevFolder, p), faces[p])).ToList();
    }

    /// <summary>The photos with exactly <paramref name="faceCount"/> labelled faces, in file order (no choice by outcome).</summary>
    public static IReadOnlyList<LabelledPhoto> WithFaces(IReadOnlyList<LabelledPhoto> all, int faceCount) =>
        all.Where(p => p.Faces.Count == faceCount).ToList();
}
