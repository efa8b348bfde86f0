using MediaGate.Ingest.Detect;

namespace MediaGate.Ingest.Tests.Detect;

/// <summary>What every model family must do on real photos, run once per installed model.</summary>
[TestClass]
public sealed class FaceDetectorTests
{
    private static readonly Dictionary<string, IFaceDetector> Detectors = [];
    private static readonly Lock DetectorsLock = new();

    [ClassCleanup]
    public static void Close()
    {
        foreach (IFaceDetector detector in Detectors.Values)
        {
            detector.Dispose();
        }
    }

    [TestMethod]
    [DataRow("blazeface-back")]
    [DataRow("yunet-n")]
    [DataRow("yunet-s")]
    public void Detect_Astronaut_FindsOneCertainFaceOnHerFace(string model)
    {
        var faces = Detector(model).Detect(DetectTestData.Sample("astronaut.png")).Value;

        var certain = faces.Where(f => !f.Uncertain).ToList();
        Assert.HasCount(1, certain, string.Join("; ", faces));
        Assert.IsTrue(DetectTestData.IsMasked(certain, DetectTestData.AstronautFace), certain[0].ToString());
    }

    [TestMethod]
    [DataRow("blazeface-back")]
    [DataRow("yunet-n")]
    [DataRow("yunet-s")]
    public void Detect_CoffeeCup_FindsNoCertainFace(string model)
    {
        var faces = Detector(model).Detect(DetectTestData.Sample("coffee.png")).Value;

        Assert.IsFalse(faces.Any(f => !f.Uncertain), string.Join("; ", faces));
    }

    [TestMethod]
    [DataRow("blazeface-back", "images/0--Parade/0_Parade_Parade_0_960.jpg")]
    [DataRow("yunet-n", "images/0--Parade/0_Parade_Parade_0_960.jpg")]
    [DataRow("yunet-n", "images/0--Parade/0_Parade_Parade_0_887.jpg")]
    public void Detect_FacesDevPhoto_MasksEveryLabelledFace(string model, string photo)
    {
        var faces = Detector(model).Detect(DetectTestData.FacesDev(photo)).Value;

        foreach (var labelled in DetectTestData.Labels(photo))
        {
            Assert.IsTrue(DetectTestData.IsMasked(faces, labelled), $"{labelled} not masked by {string.Join("; ", faces)}");
        }
    }

    [TestMethod]
    [DataRow("yunet-n")]
    [DataRow("blazeface-back")]
    public void Detect_SamePhotosFromTwoThreadsAtOnce_SameFacesAsOneAtATime(string model)
    {
        // anonymise and detect run two photos at once on one detector (one session); nothing may leak between calls.
        var detector = Detector(model);
        RgbImage[] photos =
        [
            DetectTestData.FacesDev("images/0--Parade/0_Parade_Parade_0_960.jpg"),
            DetectTestData.Sample("astronaut.png"),
            DetectTestData.FacesDev("images/0--Parade/0_Parade_Parade_0_887.jpg"),
            DetectTestData.Sample("coffee.png"),
        ];
        string[] alone = photos.Select(p => string.Join("; ", detector.Detect(p).Value)).ToArray();

        var together = new string[photos.Length * 4];
        Parallel.For(0, together.Length, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
            together[i] = string.Join("; ", detector.Detect(photos[i % photos.Length]).Value));

        for (int i = 0; i < together.Length; i++)
        {
            Assert.AreEqual(alone[i % photos.Length], together[i], $"photo {i % photos.Length}, run {i}");
        }

        Assert.IsFalse(string.IsNullOrEmpty(alone[0]), "the parade photo has faces");
    }

    /// <summary>One detector per model for the whole class: sessions are created once, as in the product.</summary>
    private static IFaceDetector Detector(string model)
    {
        lock (DetectorsLock)
        {
            if (!Detectors.TryGetValue(model, out var detector))
            {
                detector = DetectTestData.Create(model);
                Detectors[model] = detector;
            }

            return detector;
        }
    }
}
