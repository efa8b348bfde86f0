namespace MediaGate.Testing.Service;

/// <summary>
/// Real photos from ../shared/eval/faces-dev (WIDER FACE dev images; gt.tsv holds their labelled faces) whose faces
/// are large and clear, so that the YuNet detector finds exactly the labelled count: checked with
/// <c>./mediagate detect --models ../shared/models</c>, which gave the counts below.
/// </summary>
internal static class TestPhotos
{
    /// <summary>Two people side by side (1024x768), two faces at scores ~0.9.</summary>
    public static string GroupOfTwo => FacesDev("28--Sports_Fan/28_Sports_Fan_Sports_Fan_28_959.jpg");

    /// <summary>Solo portraits, one face each (scores ~1.0).</summary>
    public static IReadOnlyList<string> Solos { get; } =
    [
        FacesDev("15--Stock_Market/15_Stock_Market_Stock_Market_15_846.jpg"),
        FacesDev("30--Surgeons/30_Surgeons_Surgeons_30_486.jpg"),
        FacesDev("9--Press_Conference/9_Press_Conference_Press_Conference_9_933.jpg"),
        FacesDev("16--Award_Ceremony/16_Award_Ceremony_Awards_Ceremony_16_490.jpg"),
        FacesDev("49--Greeting/49_Greeting_peoplegreeting_49_203.jpg"),
    ];

    private static string FacesDev(string relative) => Path.Combine(TestPaths.FacesDev, "images", relative);
}
