namespace MediaGate.Gate.Tests.Support;

/// <summary>Real photos the tests upload (none copied into the repository).</summary>
internal static class Photos
{
    /// <summary>One face filling much of the frame (PNG; samples/, extracted by eng/setup.sh).</summary>
    public static string Astronaut => Path.Combine(TestPaths.SamplePhotos, "astronaut.png");

    /// <summary>A cup of coffee: no face.</summary>
    public static string Coffee => Path.Combine(TestPaths.SamplePhotos, "coffee.png");

    /// <summary>A cat: no human face.</summary>
    public static string Chelsea => Path.Combine(TestPaths.SamplePhotos, "chelsea.png");

    /// <summary>A camera JPEG carrying EXIF with GPS coordinates.</summary>
    public static string CameraWithGps => Path.Combine(TestPaths.Shared, "samples", "exif-samples", "jpg", "gps", "DSCN0010.jpg");

    /// <summary>A meeting: three faces well apart (faces-dev).</summary>
    public static string Meeting => Path.Combine(TestPaths.FacesDev, "images", "11--Meeting", "11_Meeting_Meeting_11_Meeting_Meeting_11_633.jpg");
}
