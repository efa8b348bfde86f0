using System.Text.Json;
using MediaGate.Ingest.Video;

namespace MediaGate.Ingest.Tests.Video;

[TestClass]
public sealed class VideoVerifierTests
{
    [TestMethod]
    public void CheckReport_OnlyTheMuxersOwnTags_Passes()
    {
        VideoOutcome<double> seconds = Check(Report());

        Assert.IsTrue(seconds.IsSuccess, seconds.Failure?.ToString());
        Assert.AreEqual(2.0, seconds.Value);
    }

    [TestMethod]
    public void CheckReport_CreationTimeLeftInTheContainer_Fails()
    {
        string report = Report().Replace("\"major_brand\": \"isom\"", "\"major_brand\": \"isom\", \"creation_time\": \"2026-01-01T10:00:00Z\"", StringComparison.Ordinal);

        Assert.AreEqual(VideoFailureKind.VerificationFailed, Check(report).Failure?.Kind);
    }

    [TestMethod]
    public void CheckReport_EncoderTagOnTheStream_Fails()
    {
        string report = Report().Replace("\"handler_name\": \"VideoHandler\"", "\"handler_name\": \"VideoHandler\", \"encoder\": \"Lavc libx264\"", StringComparison.Ordinal);

        Assert.AreEqual(VideoFailureKind.VerificationFailed, Check(report).Failure?.Kind);
    }

    [TestMethod]
    public void CheckReport_RotationSideData_Fails()
    {
        string report = Report().Replace("\"codec_name\": \"h264\",", "\"codec_name\": \"h264\", \"side_data_list\": [{\"rotation\": 90}],", StringComparison.Ordinal);

        Assert.AreEqual(VideoFailureKind.VerificationFailed, Check(report).Failure?.Kind);
    }

    [TestMethod]
    public void CheckReport_SoundWhenNoneWasAsked_Fails()
    {
        string report = Report().Replace("\"}}],", "\"}}, {\"codec_type\": \"audio\", \"codec_name\": \"aac\"}],", StringComparison.Ordinal);

        Assert.AreEqual(VideoFailureKind.VerificationFailed, Check(report).Failure?.Kind);
    }

    [TestMethod]
    public void EncoderTrace_X264SettingsInTheBytes_IsFound()
    {
        using var folder = new TempFolder();
        string path = Path.Combine(folder.Path, "sei.mp4");
        byte[] bytes = new byte[(1 << 20) + 100];
        "x264 - core 164"u8.CopyTo(bytes.AsSpan((1 << 20) - 5));
        File.WriteAllBytes(path, bytes);

        Assert.AreEqual("x264 - core", VideoVerifier.EncoderTrace(path));
    }

    [TestMethod]
    public void EncoderTrace_PlainBytes_IsNull()
    {
        using var folder = new TempFolder();
        string path = Path.Combine(folder.Path, "plain.mp4");
        File.WriteAllBytes(path, new byte[4096]);

        Assert.IsNull(VideoVerifier.EncoderTrace(path));
    }

    private static VideoOutcome<double> Check(string report)
    {
        using var document = JsonDocument.Parse(report);
        return VideoVerifier.CheckReport(document.RootElement, 640, 480, sound: false);
    }

    private static string Report() => """
        {"streams": [{"codec_type": "video", "codec_name": "h264", "width": 640, "height": 480,
                      "tags": {"language": "und", "handler_name": "VideoHandler", "vendor_id": "[0][0][0][0]"}}],
         "chapters": [],
         "format": {"duration": "2.000000", "tags": {"major_brand": "isom", "minor_version": "512", "compatible_brands": "isomiso2avc1mp41"}}}
        """;
}
