using MetadataExtractor;
using MetadataExtractor.Formats.Adobe;
using MetadataExtractor.Formats.FileType;
using MetadataExtractor.Formats.Icc;
using MetadataExtractor.Formats.Jfif;
using MetadataExtractor.Formats.Jpeg;

namespace MediaGate.Ingest.Verify;

/// <summary>
/// The last gate before an output is stored (product.md, Metadata: "Every output is read back before it is
/// stored, and a file that still carries anything is not released"). Two independent readings must agree
/// that the JPEG is clean: MetadataExtractor finds only structural directories, and our own segment walk
/// finds only image data, JFIF without thumbnail, an ICC profile or Adobe's APP14, one image, nothing after EOI.
/// </summary>
public static class MetadataVerifier
{
    /// <summary>Directories that describe only how to decode the picture (and the colour profile, which may stay).</summary>
    private static readonly Type[] StructuralDirectories =
    [
        typeof(JpegDirectory), typeof(HuffmanTablesDirectory), typeof(JfifDirectory), typeof(AdobeJpegDirectory),
        typeof(IccDirectory), typeof(FileTypeDirectory),
    ];

    /// <summary>Success (true) when the output is a clean JPEG; otherwise <see cref="IngestFailureKind.MetadataRemains"/> naming what was found.</summary>
    public static Outcome<bool> VerifyClean(byte[] output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var structure = JpegStructureCheck.FindProblem(output);
        if (structure is not null)
        {
            return Outcome<bool>.Fail(IngestFailureKind.MetadataRemains, structure);
        }

        var found = FindMetadataDirectories(output);
        return found is null ? true : Outcome<bool>.Fail(IngestFailureKind.MetadataRemains, found);
    }

    private static string? FindMetadataDirectories(byte[] output)
    {
        IReadOnlyList<MetadataExtractor.Directory> directories;
        try
        {
            using var stream = new MemoryStream(output, writable: false);
            directories = ImageMetadataReader.ReadMetadata(stream);
        }
        catch (Exception e) when (e is ImageProcessingException or IOException)
        {
            return "MetadataExtractor could not read the output back: " + e.Message;
        }

        var unexpected = directories
            .Where(d => !StructuralDirectories.Contains(d.GetType()))
            .Select(d => d.Name)
            .ToList();
        return unexpected.Count == 0 ? null : "MetadataExtractor found: " + string.Join(", ", unexpected);
    }
}
