using MediaGate.Ingest;
using MediaGate.Ingest.Detect;

namespace MediaGate.Gate.Tests.Support;

/// <summary>
/// The shared real detector, with each detection's strength (certain or faint) chosen by the test: the one boundary a
/// test sets, so a rule about faint faces runs on real boxes and real pixels whatever the installed model's thresholds.
/// </summary>
internal sealed class ChosenStrengthDetector(Func<int, bool> faint) : IFaceDetector
{
    public string Name => GateAssembly.Detector.Name;

    public Outcome<IReadOnlyList<DetectedFace>> Detect(RgbImage image)
    {
        var found = GateAssembly.Detector.Detect(image);
        if (!found.IsSuccess)
        {
            return found;
        }

        IReadOnlyList<DetectedFace> chosen = found.Value.Select((face, i) => face with { Uncertain = faint(i) }).ToArray();
        return Outcome<IReadOnlyList<DetectedFace>>.Success(chosen);
    }

    public void Dispose()
    {
        // The real detector is the assembly's, shared by every test.
    }
}
